# The grid world workspace's views: the grid (values, Q triangles, arrows, the agent) and the
# Bellman backup panel.
target_sources(neuralscope_widgets PRIVATE
  gridworld/grid_picture.h
  gridworld/grid_view.cpp gridworld/grid_view.h
  gridworld/bellman_panel.cpp gridworld/bellman_panel.h)
