# The reinforcement-learning workspaces: the bandit testbed (greedy, ε-greedy, UCB) and CartPole
# (DQN with and without replay / target network, REINFORCE, actor-critic) trained on the
# training thread, and their windows.
target_sources(neuralscope_app PRIVATE
  rl/bandit_model.cpp rl/bandit_model.h
  rl/bandit_workspace.cpp rl/bandit_workspace.h
  rl/cartpole_model.cpp rl/cartpole_model.h
  rl/cartpole_workspace.cpp rl/cartpole_workspace.h)
add_custom_target(lupdate_rl
  COMMAND Qt6::lupdate -I app -I widgets -I core app/rl widgets/rl -no-obsolete -locations none
          -ts resources/translations/rl_zh_CN.ts
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Updating the reinforcement-learning workspaces' catalogue")
add_dependencies(lupdate_all lupdate_rl)
