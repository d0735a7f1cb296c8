# The convolution workspace: its model and its window.
target_sources(neuralscope_app PRIVATE
  conv/convolution_model.cpp conv/convolution_model.h
  conv/convolution_workspace.cpp conv/convolution_workspace.h)
