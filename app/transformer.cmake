# The tiny-Transformer workspace (toy sequence tasks trained live, every head's attention) and the
# ViT workspace (patches, class-token attention, MAE's mask), both trained on the training thread.
target_sources(neuralscope_app PRIVATE
  transformer/transformer_model.cpp transformer/transformer_model.h
  transformer/transformer_workspace.cpp transformer/transformer_workspace.h
  transformer/vit_model.cpp transformer/vit_model.h
  transformer/vit_workspace.cpp transformer/vit_workspace.h)

add_custom_target(lupdate_transformer
  COMMAND Qt6::lupdate -I app -I widgets -I core app/transformer widgets/transformer -no-obsolete -locations none
          -ts ${PROJECT_SOURCE_DIR}/resources/translations/transformer_zh_CN.ts
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Refreshing the Transformer and ViT workspaces' translation catalogue")
add_dependencies(lupdate_all lupdate_transformer)
