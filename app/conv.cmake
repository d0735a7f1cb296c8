# (sources added with target_sources(neuralscope_app PRIVATE ...))
