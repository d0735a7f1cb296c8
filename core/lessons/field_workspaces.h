#pragma once
// Workspaces a lesson drives by their fields alone (the embedding map, the grid world, the
// bandit, CartPole, …). Each is described once here: its id (the view's name, the scene key and
// the prefix of its check keys), its fields with their kinds and limits, and which fields only
// the student's work changes. The parser and linter check lessons against this table; the app
// sets and reads the same names as Qt properties of the workspace's model. Adding such a
// workspace is a table entry and a model with those properties, never a new parser branch.
//
//   scene:  view: gridworld            check:  gridworld_sweep_at_least: 5
//           gridworld: {gamma: 0.5}            gridworld_mode: qlearning
//                                              gridworld_gamma: {at_least: 0.8}
#include "lessons/lesson.h"

#include <string>
#include <string_view>
#include <vector>

namespace ns::lessons {

struct WorkspaceField {
    enum class Kind { Choice, Whole, Number, Flag, Word };  // Word: any text, checked by the app
    std::string name;
    Kind kind = Kind::Number;
    std::vector<std::string> choices;  // Choice
    double low = 0, high = 0;          // Whole, Number
    bool settable = true;              // a scene may set it; otherwise only the student's work changes it
    // For a field a scene cannot set: the flag a student turns on to make it change (e.g. the
    // epochs grow while `training` is on). Empty when none.
    std::string drivenBy;
    std::string en, zh;  // how a goal names the field: "epochs trained", "训练轮数"
};

struct FieldWorkspace {
    std::string id;  // the view name, the scene key, the check prefix, the workspace's id
    View view = View::Network;
    std::string en, zh;  // the workspace's title in goals
    // The flag that runs the workspace (paused when a scene is applied, unless the scene sets it).
    std::string runFlag;
    std::vector<WorkspaceField> fields;  // in the order a scene applies them

    const WorkspaceField* field(std::string_view name) const;
};

const std::vector<FieldWorkspace>& fieldWorkspaces();
const FieldWorkspace* fieldWorkspace(std::string_view id);
const FieldWorkspace* fieldWorkspace(View view);
// Every check key of these workspaces (for messages and did-you-mean).
std::vector<std::string> fieldConditionKeys();

}  // namespace ns::lessons
