"""A rule the page keeps: text that may come from a user reaches Streamlit's Markdown only
through playground/ui/plain.py, which escapes it.

Outside plain.py, a call that renders Markdown (st.info, st.caption, ..., column.markdown)
may only take text fixed in the code: a string literal, a module constant (UPPER_CASE, or
one indexed), or an f-string whose parts are literals, len(...) or plain.literal(...).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKDOWN_CALLS = {"error", "info", "warning", "success", "caption", "markdown", "write", "toast"}
SAFE_CALLS = {"len", "literal"}


def _is_constant_name(node: ast.expr) -> bool:
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr.isupper()
    return isinstance(node, ast.Name) and node.id.isupper()


def _is_safe_part(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        return (
            func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        ) in SAFE_CALLS
    if isinstance(node, ast.IfExp):
        return _is_safe_part(node.body) and _is_safe_part(node.orelse)
    return False


def is_fixed_text(node: ast.expr) -> bool:
    """Whether a call's text argument is fixed in the code (see the module docstring)."""
    if isinstance(node, ast.Constant) or _is_constant_name(node):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) or _is_safe_part(v.value) for v in node.values)
    return _is_safe_part(node) and isinstance(node, ast.Call)


def _renders_markdown(node: ast.AST) -> bool:
    """A call such as st.info(...) or column.markdown(...), but not plain.info(...)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
        return False
    receiver = node.func.value
    return node.func.attr in MARKDOWN_CALLS and getattr(receiver, "id", "") != "plain"


def unescaped_markdown_calls(path: Path, root: Path = ROOT) -> list[str]:
    """'file:line call' of each Markdown call in a file whose text is not fixed."""
    return [
        f"{path.relative_to(root)}:{node.lineno} {ast.unparse(node)[:80]}"
        for node in ast.walk(ast.parse(path.read_text()))
        if _renders_markdown(node) and not is_fixed_text(node.args[0])
    ]


def test_the_page_draws_variable_text_only_through_plain():
    files = [ROOT / "page.py", *sorted((ROOT / "playground" / "ui").glob("*.py"))]
    found = [hit for f in files if f.name != "plain.py" for hit in unescaped_markdown_calls(f)]
    assert not found, (
        "use playground.ui.plain (error, info, warning, caption, literal) for:\n" + "\n".join(found)
    )


def test_the_rule_flags_variables_and_f_strings_with_names(tmp_path):
    code = tmp_path / "x.py"
    code.write_text(
        "st.info(note)\nst.caption(f'Column {name}')\ncol.markdown(msg.text)\n"
        "st.info('fixed')\nst.caption(NOTES[group])\nst.markdown(f'**{len(h)} layer**')\n"
        "st.error(plain.literal(x))\n"
    )
    hits = [hit.split()[0] for hit in unescaped_markdown_calls(code, tmp_path)]
    assert hits == ["x.py:1", "x.py:2", "x.py:3"]
