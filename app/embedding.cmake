# The embeddings workspace: skip-gram trained on the training thread, and its window.
target_sources(neuralscope_app PRIVATE
  embedding/embedding_model.cpp embedding/embedding_model.h
  embedding/embedding_workspace.cpp embedding/embedding_workspace.h)
add_custom_target(lupdate_embedding
  COMMAND Qt6::lupdate -I app -I widgets -I core app/embedding widgets/embedding -no-obsolete -locations none
          -ts ${PROJECT_SOURCE_DIR}/resources/translations/embedding_zh_CN.ts
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Refreshing the embeddings catalogue")
add_dependencies(lupdate_all lupdate_embedding)
