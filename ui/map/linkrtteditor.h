#pragma once

#include <QFrame>
#include <QString>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

/// The small popup that opens when the planner clicks a link on the map: the RTT of both
/// directions, whether they are the same, and where the number came from. Enter applies (one
/// undo step), Escape or a click elsewhere closes without change.
class LinkRttEditor : public QFrame
{
    Q_OBJECT

public:
    LinkRttEditor(models::ScenarioDocument *document, const QString &from, const QString &to, QWidget *parent);

    QString from() const { return m_from; }
    QString to() const { return m_to; }
    QDoubleSpinBox *forwardRtt() const { return m_forward; }
    QDoubleSpinBox *backwardRtt() const { return m_backward; }
    QCheckBox *sameBothWays() const { return m_symmetric; }
    void focusRtt();

    /// Writes the edited RTTs to the document as one undo step. Returns true if anything changed.
    bool apply();
    /// Removes the link in both directions (one undo step) and closes.
    void deleteLink();

signals:
    void applied();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    models::ScenarioDocument *m_document;
    QString m_from;
    QString m_to;
    QDoubleSpinBox *m_forward;
    QDoubleSpinBox *m_backward;
    QCheckBox *m_symmetric;
};

} // namespace longitude::ui
