# The embeddings workspace's views: the PCA map of the word vectors, ranked cosine bars, vector strips.
target_sources(neuralscope_widgets PRIVATE
  embedding/embedding_picture.h
  embedding/embedding_style.cpp embedding/embedding_style.h
  embedding/embedding_map_view.cpp embedding/embedding_map_view.h
  embedding/neighbour_bars.cpp embedding/neighbour_bars.h
  embedding/vector_strip.cpp embedding/vector_strip.h)
