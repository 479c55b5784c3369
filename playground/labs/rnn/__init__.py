"""The sequence lab: recurrent networks (SimpleRNN, LSTM) that remember, forecast and write."""
