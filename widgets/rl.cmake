# The reinforcement-learning workspaces' views: CartPole drawn, per-episode live curves, colours.
target_sources(neuralscope_widgets PRIVATE
  rl/rl_style.cpp rl/rl_style.h
  rl/episode_feed.cpp rl/episode_feed.h
  rl/cartpole_view.cpp rl/cartpole_view.h)
