#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Moves a region to new coordinates. While a region is dragged on the map every mouse move
/// pushes one of these with `continuesDrag`; they merge into the first, so one undo puts the
/// region back where the drag started.
class MoveRegionCommand : public ScenarioCommand
{
public:
    MoveRegionCommand(ScenarioDocument *document, const QString &regionId, double lon, double lat,
                      bool continuesDrag, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return MoveRegionMergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(double lon, double lat);

    std::string m_regionId;
    double m_oldLon = 0.0;
    double m_oldLat = 0.0;
    double m_newLon;
    double m_newLat;
    bool m_continuesDrag;
};

} // namespace longitude::models
