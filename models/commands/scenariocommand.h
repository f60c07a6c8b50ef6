#pragma once

#include "engine/scenario/scenario.h"

#include <QString>
#include <QUndoCommand>

#include <string>
#include <vector>

namespace longitude::models {

class ScenarioDocument;

/// Base of every undo command of a ScenarioDocument. It is the only class the document lets
/// mutate its scenario: subclasses change the value types through scenario(), then call
/// finishEdit() and emit the document's precise change signal. Commands never talk to widgets.
class ScenarioCommand : public QUndoCommand
{
public:
    /// Ids used by QUndoStack to merge successive commands of one drag.
    enum MergeId { MoveRegionMergeId = 1, SetTrafficPointMergeId = 2, SetParameterMergeId = 3, EditOutageMergeId = 4 };

    ScenarioCommand(ScenarioDocument *document, const QString &text, QUndoCommand *parent = nullptr);

protected:
    ScenarioDocument *document() const { return m_document; }
    engine::Scenario &scenario() const;
    /// Marks the document's diagnostics stale; call after each mutation, before emitting.
    void finishEdit() const;

    /// Index of the element whose `id` member equals `id`, or -1.
    template<typename T>
    static int indexOfId(const std::vector<T> &items, const std::string &id)
    {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].id == id)
                return static_cast<int>(i);
        }
        return -1;
    }

    template<typename T>
    static void insertAt(std::vector<T> &items, int index, T item)
    {
        const auto position = index < 0 || index > static_cast<int>(items.size()) ? items.end()
                                                                                  : items.begin() + index;
        items.insert(position, std::move(item));
    }

    template<typename T>
    static void eraseAt(std::vector<T> &items, int index)
    {
        items.erase(items.begin() + index);
    }

private:
    ScenarioDocument *m_document;
};

} // namespace longitude::models
