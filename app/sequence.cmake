# The sequences workspace: RNN, LSTM and GRU trained on the training thread, and their window.
target_sources(neuralscope_app PRIVATE
  sequence/sequence_model.cpp sequence/sequence_model.h
  sequence/sequence_workspace.cpp sequence/sequence_workspace.h)
