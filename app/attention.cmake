# The attention workspace: a sentence through a seeded Transformer encoder, stage by stage.
target_sources(neuralscope_app PRIVATE
  attention/attention_model.cpp attention/attention_model.h
  attention/attention_workspace.cpp attention/attention_workspace.h)

add_custom_target(lupdate_attention
  COMMAND Qt6::lupdate -I app -I widgets -I core app/attention widgets/attention -no-obsolete -locations none
          -ts ${PROJECT_SOURCE_DIR}/resources/translations/attention_zh_CN.ts
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Refreshing the attention workspace's translation catalogue")
add_dependencies(lupdate_all lupdate_attention)
