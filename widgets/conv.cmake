# The sliding-window canvas.
target_sources(neuralscope_widgets PRIVATE
  conv/conv_canvas.cpp conv/conv_canvas.h conv/conv_picture.h)
