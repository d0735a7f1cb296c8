# The Transformer and ViT workspaces' views: attention heatmaps with token labels, the image cut
# into patches with its overlays (class-token attention, MAE's mask) and the token strip.
target_sources(neuralscope_widgets PRIVATE
  transformer/attention_heatmap.cpp transformer/attention_heatmap.h
  transformer/patch_image_view.cpp transformer/patch_image_view.h)
