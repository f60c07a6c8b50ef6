#pragma once

#include "models/reportcontent.h"

#include <QCoreApplication>
#include <QString>

#include <expected>
#include <functional>

class QTextDocument;

namespace longitude::models {

class ScenarioDocument;

/// Writes the report a planner takes to a budget review: the scenario (regions, pools with GPU
/// counts and pricing modes, traffic peaks, SLA, routing), the map, the results against the SLA,
/// the policy comparison, the cost with the prices' sources and dates, and the Longitude version
/// and seed that reproduce it. HTML is self-contained (images inline as data: URIs, no external
/// file); the PDF is the same HTML laid out by QTextDocument onto A4 pages with QPdfWriter, so
/// both say the same thing. Only Qt Gui is used: it runs headless.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    /// `document` must outlive the writer; it is only read (its traffic model computes the peaks).
    ReportWriter(ScenarioDocument *document, ReportContent content);

    /// The self-contained HTML page.
    QString html() const;
    /// Writes HTML or PDF by the suffix of `path` (.html/.htm or .pdf). The error names the file.
    std::expected<void, QString> write(const QString &path) const;
    std::expected<void, QString> writeHtml(const QString &path) const;
    std::expected<void, QString> writePdf(const QString &path) const;
    /// Fills `document` with the report as the PDF lays it out (images as document resources,
    /// since QTextDocument does not read data: URIs), for printing or a preview.
    void fill(QTextDocument &document) const;

private:
    /// The page with `extraCss` appended to its style sheet and each image's `src` given by
    /// `imageSource(key, image)`.
    QString buildHtml(const QString &extraCss, const std::function<QString(const QString &, const QImage &)> &imageSource) const;
    QString headerSection() const;
    QString verdictSection() const;
    QString scenarioSection() const;
    QString resultsSection(const std::function<QString(const QString &, const QImage &)> &imageSource) const;
    QString comparisonSection() const;
    QString costSection() const;
    QString reproduceSection() const;

    ScenarioDocument *m_document;
    ReportContent m_content;
};

} // namespace longitude::models
