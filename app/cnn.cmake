# The CNN workspace (and the residual experiment's): models on the training thread, and their windows.
target_sources(neuralscope_app PRIVATE
  cnn/cnn_task.cpp cnn/cnn_task.h
  cnn/cnn_model.cpp cnn/cnn_model.h
  cnn/cnn_workspace.cpp cnn/cnn_workspace.h
  cnn/residual_model.cpp cnn/residual_model.h
  cnn/residual_workspace.cpp cnn/residual_workspace.h)
