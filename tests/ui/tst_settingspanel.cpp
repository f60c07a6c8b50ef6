// The Settings dock of the real main window, offscreen, driven by QTest mouse and keys: the
// routing policy from the engine's registry with its parameters, a parameter edit and its undo,
// the engine's sentence under an out-of-range value and the Problems dock's jump to it, unknown
// parameters removed, outages added and removed, the model to degrade to. Screenshots of the
// routing and failover sections go to $LONGITUDE_TEST_OUTPUT.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "engine/policies/policyregistry.h"
#include "models/diagnosticsmodel.h"
#include "models/modelroles.h"
#include "models/scenariodocument.h"
#include "ui/panels/problemspanel.h"
#include "ui/panels/settingspanel.h"
#include "ui/widgets/fielddiagnosticlabel.h"
#include "ui/widgets/outageeditor.h"
#include "ui/widgets/parameterform.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace longitude;

class TestSettingsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void choosingAPolicyShowsItsParameters();
    void editingAParameterWritesParamsAndUndoRestores();
    void outOfRangeValueShowsTheEnginesSentenceNextToTheField();
    void problemJumpsToTheParameter();
    void unknownParametersAreShownAndRemovable();
    void outagesAreAddedAndRemoved();
    void degradeModelIsAModelWithPools();
    void screenshots();

private:
    void open(const char *sample);
    void choose(QComboBox *box, const QString &data);
    void typeInto(QAbstractSpinBox *box, const QString &text);
    /// The diagnostic line shown for the field of `editor` (rows keep it in the same parent).
    ui::FieldDiagnosticLabel *diagnosticOf(QWidget *editor, const QString &pointer) const;
    QString outputPath(const QString &name) const;
    /// Grabs the Settings dock scrolled so that `section` is at its top.
    void saveDock(const QString &section, const QString &file);

    std::unique_ptr<app::MainWindow> m_window;
    models::ScenarioDocument *m_document = nullptr;
    ui::SettingsPanel *m_panel = nullptr;
};

void TestSettingsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setOrganizationName(QStringLiteral("longitude-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestSettingsPanel::init()
{
    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    m_window = std::make_unique<app::MainWindow>(options);
    m_document = m_window->document();
    m_panel = m_window->settingsPanel();
    open("three-regions");
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QDockWidget *dock = m_window->dock(QStringLiteral("settingsDock"));
    dock->show();
    dock->raise();
    // A taller window and dock than the default layout's, so that a whole section fits a
    // screenshot; the dock keeps its default width.
    m_window->resize(1440, 1200);
    QApplication::processEvents();
    m_window->resizeDocks({dock, m_window->dock(QStringLiteral("problemsDock"))}, {900, 150}, Qt::Vertical);
    QApplication::processEvents();
}

void TestSettingsPanel::cleanup()
{
    m_window.reset();
}

void TestSettingsPanel::open(const char *sample)
{
    QVERIFY(m_window->controller()->newFromTemplate(QStringLiteral(":/samples/%1.longitude.json").arg(QLatin1String(sample))));
}

QString TestSettingsPanel::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

void TestSettingsPanel::choose(QComboBox *box, const QString &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    box->showPopup();
    QAbstractItemView *view = box->view();
    QTRY_VERIFY(view->isVisible());
    // A release soon after the popup opened is taken as the end of the click that opened it.
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    const QModelIndex item = view->model()->index(index, box->modelColumn());
    view->scrollTo(item);
    const QPoint at = view->visualRect(item).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(!view->isVisible());
    QCOMPARE(box->currentData().toString(), data);
}

void TestSettingsPanel::typeInto(QAbstractSpinBox *box, const QString &text)
{
    m_panel->scrollArea()->ensureWidgetVisible(box);
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

ui::FieldDiagnosticLabel *TestSettingsPanel::diagnosticOf(QWidget *editor, const QString &pointer) const
{
    for (auto *label : editor->parentWidget()->findChildren<ui::FieldDiagnosticLabel *>()) {
        if (label->pointer() == pointer)
            return label;
    }
    return nullptr;
}

void TestSettingsPanel::choosingAPolicyShowsItsParameters()
{
    QCOMPARE(m_document->scenario().routing.policy, std::string("round-robin"));
    const engine::PolicyRegistry registry = engine::PolicyRegistry::builtins();
    // Every policy of the engine, in its order; nothing else.
    QCOMPARE(m_panel->policyBox()->count(), static_cast<int>(registry.policies().size()));
    const int steps = m_document->undoStack()->count();

    choose(m_panel->policyBox(), QStringLiteral("llm-d"));
    QCOMPARE(m_document->scenario().routing.policy, std::string("llm-d"));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    const engine::PolicyInfo *info = registry.find("llm-d");
    QCOMPARE(m_panel->policyDescription()->text(), QString::fromStdString(info->description));
    ui::ParameterForm *form = m_panel->routingParameters();
    for (const engine::PolicyParameter &parameter : info->parameters) {
        QDoubleSpinBox *box = form->spinBox(QString::fromStdString(parameter.name));
        QVERIFY2(box != nullptr, parameter.name.c_str());
        QVERIFY(box->isVisible());
        QCOMPARE(box->value(), parameter.defaultValue);   // unset: the default
        QCOMPARE(box->minimum(), parameter.minValue);
        QCOMPARE(box->decimals() == 0, parameter.integer);
        QVERIFY(!form->resetButton(QString::fromStdString(parameter.name))->isEnabled());
    }
    QCOMPARE(form->spinBox(QStringLiteral("prefixBlockTokens"))->maximum(), 1e6);
    // round-robin's parameter is gone with it.
    QVERIFY(form->spinBox(QStringLiteral("global")) == nullptr);

    choose(m_panel->policyBox(), QStringLiteral("least-load"));
    QVERIFY(form->spinBox(QStringLiteral("queueWeight")) == nullptr);
    QVERIFY(form->findChild<QLabel *>() != nullptr);
    m_document->undoStack()->undo();
    QVERIFY(form->spinBox(QStringLiteral("queueWeight")) != nullptr);
    QCOMPARE(m_panel->policyBox()->currentData().toString(), QStringLiteral("llm-d"));
}

void TestSettingsPanel::editingAParameterWritesParamsAndUndoRestores()
{
    choose(m_panel->policyBox(), QStringLiteral("lca"));
    ui::ParameterForm *form = m_panel->routingParameters();
    const int steps = m_document->undoStack()->count();

    typeInto(form->spinBox(QStringLiteral("alpha")), QStringLiteral("0.4"));
    QCOMPARE(m_document->scenario().routing.params, (engine::ParamMap{{"alpha", 0.4}}));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    QAbstractButton *reset = form->resetButton(QStringLiteral("alpha"));
    QVERIFY(reset->isEnabled());
    QCOMPARE(reset->text(), QStringLiteral("Reset"));
    // The spin box's arrow key steps the same parameter: still one undo step.
    QTest::keyClick(form->spinBox(QStringLiteral("alpha")), Qt::Key_Up);
    QCOMPARE(m_document->scenario().routing.params.at("alpha"), 0.5);
    QCOMPARE(m_document->undoStack()->count(), steps + 1);

    m_document->undoStack()->undo();
    QVERIFY(m_document->scenario().routing.params.empty());
    QCOMPARE(form->spinBox(QStringLiteral("alpha"))->value(), 0.7); // the default again
    QVERIFY(!form->resetButton(QStringLiteral("alpha"))->isEnabled());
    m_document->undoStack()->redo();
    QCOMPARE(form->spinBox(QStringLiteral("alpha"))->value(), 0.5);

    // Reset to the default removes the parameter from the file, one step.
    QTest::mouseClick(form->resetButton(QStringLiteral("alpha")), Qt::LeftButton);
    QVERIFY(m_document->scenario().routing.params.empty());
    QCOMPARE(m_document->undoStack()->count(), steps + 2);

    // The probe interval beside them.
    typeInto(qobject_cast<QAbstractSpinBox *>(m_panel->editorFor(QStringLiteral("/routing/probeIntervalMs"))),
             QStringLiteral("250"));
    QCOMPARE(m_document->scenario().routing.probeIntervalMs, 250.0);
}

void TestSettingsPanel::outOfRangeValueShowsTheEnginesSentenceNextToTheField()
{
    choose(m_panel->policyBox(), QStringLiteral("skylb"));
    QDoubleSpinBox *threshold = m_panel->routingParameters()->spinBox(QStringLiteral("matchThreshold"));
    QCOMPARE(threshold->maximum(), 1.0);
    // The box takes no keystroke beyond the accepted range...
    typeInto(threshold, QStringLiteral("5"));
    QVERIFY(m_document->scenario().routing.params.empty() || m_document->scenario().routing.params.at("matchThreshold") <= 1.0);

    // ...but a file may hold one: the box shows it as it is and the engine says what is wrong,
    // under the field.
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.params["matchThreshold"] = 1.5;
    QVERIFY(m_document->editSettings(settings));
    threshold = m_panel->routingParameters()->spinBox(QStringLiteral("matchThreshold"));
    QCOMPARE(threshold->value(), 1.5);
    ui::FieldDiagnosticLabel *label = diagnosticOf(threshold, QStringLiteral("/routing/params/matchThreshold"));
    QVERIFY(label != nullptr);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("must be a number in [0, 1], got 1.5")), qPrintable(label->text()));
    // It sits right under its field.
    QVERIFY(label->geometry().top() >= threshold->geometry().bottom());
    QVERIFY(label->geometry().top() - threshold->geometry().bottom() < threshold->height());

    // Typing a valid value clears it.
    typeInto(threshold, QStringLiteral("0.75"));
    QCOMPARE(m_document->scenario().routing.params.at("matchThreshold"), 0.75);
    QTRY_VERIFY(label->isHidden());

    // Failover's retries are whole numbers within [0, 10]: 1.5 from a file is reported too.
    settings = models::ScenarioSettings::of(m_document->scenario());
    settings.failover.params["retries"] = 1.5;
    QVERIFY(m_document->editSettings(settings));
    QDoubleSpinBox *retries = m_panel->failoverParameters()->spinBox(QStringLiteral("retries"));
    QCOMPARE(retries->value(), 1.5);
    ui::FieldDiagnosticLabel *retriesLabel = diagnosticOf(retries, QStringLiteral("/failover/params/retries"));
    QTRY_VERIFY(retriesLabel->isVisible());
    QVERIFY2(retriesLabel->text().contains(QStringLiteral("must be an integer in [0, 10], got 1.5")),
             qPrintable(retriesLabel->text()));
}

void TestSettingsPanel::problemJumpsToTheParameter()
{
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.policy = "gorgo";
    settings.routing.params = {{"wQueue", -2}};
    QVERIFY(m_document->editSettings(settings));
    ui::ProblemsPanel *problems = m_window->problemsPanel();
    int row = -1;
    QTRY_VERIFY(problems->model()->rowCount() > 0);
    for (int r = 0; r < problems->model()->rowCount(); ++r) {
        if (problems->model()->index(r, 0).data(models::JsonPointerRole).toString() == QLatin1String("/routing/params/wQueue"))
            row = r;
    }
    QVERIFY(row >= 0);
    m_window->dock(QStringLiteral("historyDock"))->raise(); // Settings behind another tab
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const QRect cell = problems->view()->visualRect(problems->model()->index(row, 2));
    QTest::mouseClick(problems->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(problems->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY(m_panel->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), m_panel->routingParameters()->spinBox(QStringLiteral("wQueue")));
}

void TestSettingsPanel::unknownParametersAreShownAndRemovable()
{
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.policy = "gorgo";
    settings.routing.params = {{"wRtt", 0.3}, {"v3", 1}};
    QVERIFY(m_document->editSettings(settings));
    ui::ParameterForm *form = m_panel->routingParameters();
    QCOMPARE(form->unknownNames(), QStringList{QStringLiteral("v3")});
    QAbstractButton *remove = form->resetButton(QStringLiteral("v3"));
    QVERIFY(remove != nullptr);
    QVERIFY(remove->isVisible());
    QCOMPARE(remove->text(), QStringLiteral("Remove"));
    ui::FieldDiagnosticLabel *label = diagnosticOf(remove, QStringLiteral("/routing/params/v3"));
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("has no parameter 'v3' (it takes: wRtt, wQueue)")), qPrintable(label->text()));

    const int steps = m_document->undoStack()->count();
    m_panel->scrollArea()->ensureWidgetVisible(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_document->scenario().routing.params, (engine::ParamMap{{"wRtt", 0.3}}));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    QVERIFY(form->unknownNames().isEmpty());
    m_document->undoStack()->undo();
    QCOMPARE(form->unknownNames(), QStringList{QStringLiteral("v3")});
}

void TestSettingsPanel::outagesAreAddedAndRemoved()
{
    open("global-service-outage");
    ui::OutageEditor *outages = m_panel->outages();
    QCOMPARE(outages->rowCount(), 1);
    const int steps = m_document->undoStack()->count();

    m_panel->scrollArea()->ensureWidgetVisible(outages->addButton());
    QTest::mouseClick(outages->addButton(), Qt::LeftButton);
    QCOMPARE(outages->rowCount(), 2);
    QCOMPARE(m_document->scenario().failover.outages.size(), std::size_t(2));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);

    // Take down one pool instead of the region offered first, from 150 s, for 45 s.
    choose(outages->targetBox(1), QStringLiteral("eu-west-1-h100"));
    typeInto(outages->startBox(1), QStringLiteral("150"));
    typeInto(outages->durationBox(1), QStringLiteral("45"));
    QVERIFY((m_document->scenario().failover.outages[1] == engine::Outage{"eu-west-1-h100", 150, 45}));
    QCOMPARE(m_document->undoStack()->count(), steps + 2); // the edits of one outage merge
    QVERIFY(outages->startBox(1)->toolTip().contains(QStringLiteral("19:02 UTC"))); // the sample starts at 19:00

    // A start after the end of the run: the engine's warning under the row.
    typeInto(outages->startBox(1), QStringLiteral("400"));
    ui::FieldDiagnosticLabel *label = diagnosticOf(outages->startBox(1), QStringLiteral("/failover/outages/1"));
    QVERIFY(label != nullptr);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("starts after the simulation ends")), qPrintable(label->text()));
    typeInto(outages->startBox(1), QStringLiteral("150"));

    // Remove the first: the second moves up.
    QTest::mouseClick(outages->removeButton(0), Qt::LeftButton);
    QCOMPARE(outages->rowCount(), 1);
    QCOMPARE(m_document->scenario().failover.outages.front().target, std::string("eu-west-1-h100"));
    QCOMPARE(outages->targetBox(0)->currentData().toString(), QStringLiteral("eu-west-1-h100"));
    m_document->undoStack()->undo();
    QCOMPARE(outages->rowCount(), 2);
    QCOMPARE(outages->targetBox(0)->currentData().toString(), QStringLiteral("us-east-1"));
}

void TestSettingsPanel::degradeModelIsAModelWithPools()
{
    open("global-service-outage");
    QComboBox *box = m_panel->degradeModelBox();
    QCOMPARE(box->currentData().toString(), QStringLiteral("llama-3.1-8b"));
    // "none" and the two models, each of which has pools.
    QCOMPARE(box->count(), 3);
    choose(box, QString());
    QVERIFY(m_document->scenario().failover.degradeModel.empty());
    choose(box, QStringLiteral("llama-3.3-70b-fp8"));
    QCOMPARE(m_document->scenario().failover.degradeModel, std::string("llama-3.3-70b-fp8"));
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(box->currentData().toString(), QStringLiteral("llama-3.1-8b"));

    // Without its pool, the small model is no longer offered; the setting stays, reported.
    QVERIFY(m_document->removePool(QStringLiteral("us-west-2-h100-8b-standby")));
    QCOMPARE(box->findData(QStringLiteral("llama-3.1-8b")), box->currentIndex());
    QVERIFY(box->currentText().contains(QStringLiteral("no pools")));
    ui::FieldDiagnosticLabel *label = diagnosticOf(box, QStringLiteral("/failover/degradeModel"));
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("no pool serves model")), qPrintable(label->text()));
}

void TestSettingsPanel::saveDock(const QString &section, const QString &file)
{
    for (auto *group : m_panel->findChildren<QGroupBox *>()) {
        if (group->title() == section) {
            QScrollBar *bar = m_panel->scrollArea()->verticalScrollBar();
            bar->setValue(group->mapTo(m_panel->scrollArea()->widget(), QPoint(0, 0)).y());
        }
    }
    QApplication::processEvents();
    QVERIFY(m_window->dock(QStringLiteral("settingsDock"))->grab().save(outputPath(file)));
}

void TestSettingsPanel::screenshots()
{
    // Routing with a policy of several parameters, one of them set and one out of range.
    choose(m_panel->policyBox(), QStringLiteral("llm-d"));
    typeInto(m_panel->routingParameters()->spinBox(QStringLiteral("prefixWeight")), QStringLiteral("4"));
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.params["kvWeight"] = -1;
    QVERIFY(m_document->editSettings(settings));
    QTest::qWait(300); // the debounced diagnostics
    saveDock(QStringLiteral("Routing"), QStringLiteral("settings-routing.png"));

    // Failover with two outages.
    open("global-service-outage");
    QTest::mouseClick(m_panel->outages()->addButton(), Qt::LeftButton);
    QVERIFY(m_document->editOutage(1, {"eu-west-1-h100", 150, 45}));
    QTest::qWait(300);
    saveDock(QStringLiteral("Failover"), QStringLiteral("settings-failover.png"));
    saveDock(QStringLiteral("Overflow"), QStringLiteral("settings-overflow.png"));
    saveDock(QStringLiteral("Simulation"), QStringLiteral("settings-simulation.png"));
}

QTEST_MAIN(TestSettingsPanel)
#include "tst_settingspanel.moc"
