#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace longitude::models {
class CatalogRepository;
class ScenarioDocument;
}

namespace longitude::ui {

class FieldDiagnosticLabel;

/// Form for the selected GPU pool: id, region, GPU type, GPU count, model, tensor parallelism and
/// pricing, each with the engine's diagnostic underneath (e.g. "tensorParallel: the model has no
/// profile for H100 at TP 3"). Every finished change replaces the pool through
/// ScenarioDocument::editPool(), one undo step each.
class PoolInspector : public QWidget
{
    Q_OBJECT

public:
    enum class Field { Id, Region, GpuType, GpuCount, Model, TensorParallel, Pricing };

    explicit PoolInspector(models::ScenarioDocument *document, QWidget *parent = nullptr);

    /// Offers the catalog's GPU types and models too; picking one copies it into the scenario and
    /// switches the pool to it in one undo step. `catalog` must outlive the inspector (or be null).
    void setCatalog(const models::CatalogRepository *catalog);

    /// Shows the pool `poolId` (empty: nothing selected, the form is disabled).
    void setPoolId(const QString &poolId);
    QString poolId() const { return m_poolId; }
    /// Gives keyboard focus to the editor of `field`.
    void focusField(Field field);
    /// The editor of `field` (tests drive it).
    QWidget *editor(Field field) const;

private:
    void reload();
    void apply();

    models::ScenarioDocument *m_document;
    const models::CatalogRepository *m_catalog = nullptr;
    QString m_poolId;
    bool m_loading = false;
    QLabel *m_title;
    QLineEdit *m_id;
    QComboBox *m_region;
    QComboBox *m_gpuType;
    QSpinBox *m_gpuCount;
    QComboBox *m_model;
    QComboBox *m_tensorParallel;
    QComboBox *m_pricing;
    QLabel *m_summary;
    QList<FieldDiagnosticLabel *> m_diagnostics; // one per Field, then one for the whole pool
};

} // namespace longitude::ui
