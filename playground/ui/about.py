"""What the page is, and where its data come from (credit the sources)."""

import streamlit as st

ABOUT = """
**What you see.** A neural network learns to tell the classes apart (or to predict a value).
Each square in the network view shows what one neuron computes over the whole plane; the
lines are the weights: blue positive, orange negative, thicker = larger. Press **Play** and
watch the training loss fall and the output take the shape of the data.

**Data.** Palmer penguins: Gorman, Williams & Fraser (2014), PLoS ONE 9(3): e90081, Palmer
Station Antarctica LTER, CC0. Handwritten digits: E. Alpaydin & C. Kaynak, "Optical
Recognition of Handwritten Digits", UCI Machine Learning Repository (1998), CC BY 4.0.
The 2-D data sets follow TensorFlow Playground's recipes.
"""


def about() -> None:
    """A collapsed explanation at the bottom of the page."""
    with st.expander("About this playground"):
        st.markdown(ABOUT)
