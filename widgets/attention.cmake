# The attention workspace's views: a matrix heatmap with token labels (stages, heads, positional
# encoding) and the lines-between-tokens view.
target_sources(neuralscope_widgets PRIVATE
  attention/matrix_heatmap.cpp attention/matrix_heatmap.h
  attention/attention_lines.cpp attention/attention_lines.h)
