# Included from widgets/CMakeLists.txt: lesson text with typeset formulas (QtSvg) and the views
# of the lessons' own instruments.
target_sources(neuralscope_widgets PRIVATE
  lessons/formula_book.cpp lessons/formula_book.h
  lessons/function_plot_view.cpp lessons/function_plot_view.h
  lessons/lesson_text_view.cpp lessons/lesson_text_view.h
  lessons/perceptron_view.cpp lessons/perceptron_view.h
)
target_link_libraries(neuralscope_widgets PUBLIC neuralscope_lessons Qt6::Svg)
