# The sequences workspace's views: the unrolled network, the gates' heatmap, the step's equations.
target_sources(neuralscope_widgets PRIVATE
  sequence/sequence_picture.h
  sequence/sequence_style.cpp sequence/sequence_style.h
  sequence/unrolled_view.cpp sequence/unrolled_view.h
  sequence/gate_heatmap.cpp sequence/gate_heatmap.h
  sequence/equation_panel.cpp sequence/equation_panel.h)
