# The grid world workspace: value iteration sweep by sweep, Q-learning and SARSA on the training thread.
target_sources(neuralscope_app PRIVATE
  gridworld/gridworld_model.cpp gridworld/gridworld_model.h
  gridworld/gridworld_workspace.cpp gridworld/gridworld_workspace.h)

# Its catalogue: lupdate_all refreshes resources/translations/gridworld_zh_CN.ts too.
add_custom_target(lupdate_gridworld
  COMMAND Qt6::lupdate -I app -I widgets -I core app/gridworld widgets/gridworld -no-obsolete -locations none
          -ts ${PROJECT_SOURCE_DIR}/resources/translations/gridworld_zh_CN.ts
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
add_dependencies(lupdate_all lupdate_gridworld)
