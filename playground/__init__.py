"""The Neural Network Playground: a NumPy training engine, data sets, and a Streamlit page."""
