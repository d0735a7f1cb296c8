# The CNN workspace's views.
target_sources(neuralscope_widgets PRIVATE
  cnn/image_grid_view.cpp cnn/image_grid_view.h
  cnn/confusion_view.cpp cnn/confusion_view.h
  cnn/gradient_norm_plot.cpp cnn/gradient_norm_plot.h)
