// Every workspace of the app, in side-bar order (Ctrl+1…9). The lessons add their own
// instruments (the perceptron, the function plots) after these.
#include "attention/attention_model.h"
#include "attention/attention_workspace.h"
#include "cnn/cnn_model.h"
#include "cnn/cnn_workspace.h"
#include "cnn/residual_model.h"
#include "cnn/residual_workspace.h"
#include "conv/convolution_model.h"
#include "conv/convolution_workspace.h"
#include "embedding/embedding_model.h"
#include "embedding/embedding_workspace.h"
#include "gridworld/gridworld_model.h"
#include "gridworld/gridworld_workspace.h"
#include "lab/lab_workspace.h"
#include "rl/bandit_model.h"
#include "rl/bandit_workspace.h"
#include "rl/cartpole_model.h"
#include "rl/cartpole_workspace.h"
#include "sequence/sequence_model.h"
#include "sequence/sequence_workspace.h"
#include "shell/main_window.h"
#include "shell/model_workspace.h"
#include "transformer/transformer_workspace.h"
#include "transformer/vit_workspace.h"

namespace ns {

void registerWorkspaces(WorkspaceShell* shell, NetworkWorkspace* network) {
    shell->add(network);
    shell->add(new StepperWorkspace(network));
    shell->add(new LabWorkspace);
    shell->add(new ModelWorkspace<ConvolutionModel, ConvolutionWorkspace>(
        {QStringLiteral("convolution"), [] { return ConvolutionWorkspace::tr("Convolution"); },
         [] { return ConvolutionWorkspace::tr("The sliding window: convolution, pooling, receptive field"); }}));
    shell->add(new ModelWorkspace<CnnModel, CnnWorkspace>(
        {QStringLiteral("cnn"), [] { return CnnWorkspace::tr("CNN"); },
         [] { return CnnWorkspace::tr("LeNet-5 trained live: curves, feature maps, filters, confusion matrix"); }}));
    shell->add(new ModelWorkspace<ResidualModel, ResidualWorkspace>(
        {QStringLiteral("residual"), [] { return ResidualWorkspace::tr("Residual vs plain"); },
         [] { return ResidualWorkspace::tr("Deep plain and residual nets, with and without BatchNorm"); }}));
    shell->add(new SequenceWorkspaceEntry);
    shell->add(new EmbeddingWorkspaceEntry);
    shell->add(new AttentionWorkspaceEntry);
    shell->add(new TransformerWorkspaceEntry);
    shell->add(new VitWorkspaceEntry);
    shell->add(new GridWorldWorkspaceEntry);
    shell->add(new BanditWorkspaceEntry);
    shell->add(new CartPoleWorkspaceEntry);
}

}  // namespace ns
