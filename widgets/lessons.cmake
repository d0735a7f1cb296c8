# Included from widgets/CMakeLists.txt: lesson text with typeset formulas (QtSvg) and the views
# of the lessons' own instruments.
target_sources(neuralscope_widgets PRIVATE
  formula_book.cpp formula_book.h
  function_plot_view.cpp function_plot_view.h
  lesson_text_view.cpp lesson_text_view.h
  perceptron_view.cpp perceptron_view.h
)
target_link_libraries(neuralscope_widgets PUBLIC neuralscope_lessons Qt6::Svg)
