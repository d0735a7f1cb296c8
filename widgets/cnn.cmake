# (sources added with target_sources(neuralscope_widgets PRIVATE ...))
