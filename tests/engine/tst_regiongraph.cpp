// RegionGraph on hand-made networks whose RTTs and routes are worked out by hand below.
#include "engine/network/regiongraph.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace longitude::engine;

namespace {

std::vector<Region> regions(std::initializer_list<const char *> ids)
{
    std::vector<Region> out;
    for (const char *id : ids) {
        Region region;
        region.id = id;
        region.zone = "Z";
        out.push_back(region);
    }
    return out;
}

Link link(const char *from, const char *to, double rttMs, bool symmetric = true)
{
    Link l;
    l.from = from;
    l.to = to;
    l.rttMs = rttMs;
    l.symmetric = symmetric;
    return l;
}

using Names = std::vector<std::string>;

} // namespace

class TestRegionGraph : public QObject
{
    Q_OBJECT

private slots:
    void triangleUsesDirectLinks()
    {
        // A-B 10, B-C 20, A-C 25: every pair is measured, so every RTT is its link.
        const RegionGraph graph(regions({"A", "B", "C"}), {link("A", "B", 10), link("B", "C", 20), link("A", "C", 25)});
        QCOMPARE(graph.regionCount(), 3);
        QVERIFY(graph.connected());
        const auto ac = graph.shortestPath("A", "C");
        QVERIFY(ac.has_value());
        QCOMPARE(ac->rttMs, 25.0);
        QVERIFY(ac->direct);
        QCOMPARE(ac->regions, (Names{"A", "C"}));
        QCOMPARE(graph.rttMs("C", "B").value(), 20.0);
        QCOMPARE(graph.rttMs("B", "A").value(), 10.0);
    }

    void chainSumsHops()
    {
        // A-B 10, B-C 20, C-D 5: A->D = 10 + 20 + 5 = 35 through B and C, both ways.
        const RegionGraph graph(regions({"A", "B", "C", "D"}), {link("A", "B", 10), link("B", "C", 20), link("C", "D", 5)});
        const auto ad = graph.shortestPath("A", "D");
        QVERIFY(ad.has_value());
        QCOMPARE(ad->rttMs, 35.0);
        QVERIFY(!ad->direct);
        QCOMPARE(ad->regions, (Names{"A", "B", "C", "D"}));
        const auto da = graph.shortestPath("D", "A");
        QVERIFY(da.has_value());
        QCOMPARE(da->rttMs, 35.0);
        QCOMPARE(da->regions, (Names{"D", "C", "B", "A"}));
        QCOMPARE(graph.rttMs("B", "D").value(), 25.0);
        QVERIFY(graph.connected());
    }

    void directedOnlyGoesOneWay()
    {
        const RegionGraph graph(regions({"A", "B"}), {link("A", "B", 10, false)});
        QCOMPARE(graph.rttMs("A", "B").value(), 10.0);
        QVERIFY(!graph.rttMs("B", "A").has_value());
        QVERIFY(!graph.shortestPath("B", "A").has_value());
        QVERIFY(std::isinf(graph.rttMatrixMs()[1][0]));
        QVERIFY(!graph.connected());
    }

    void directedPairKeepsEachDirection()
    {
        // Measured rows a->b and b->a differ (as in rtt_aws_regions.csv).
        const RegionGraph graph(regions({"A", "B"}), {link("A", "B", 69.558, false), link("B", "A", 69.644, false)});
        QCOMPARE(graph.rttMs("A", "B").value(), 69.558);
        QCOMPARE(graph.rttMs("B", "A").value(), 69.644);
        QVERIFY(graph.connected());
    }

    void disconnectedHasNoPath()
    {
        const RegionGraph graph(regions({"A", "B", "C"}), {link("A", "B", 10)});
        QVERIFY(!graph.connected());
        QVERIFY(!graph.shortestPath("A", "C").has_value());
        QVERIFY(!graph.shortestPath("C", "B").has_value());
        const auto &m = graph.rttMatrixMs();
        QCOMPARE(m[0][1], 10.0);
        QCOMPARE(m[2][0], std::numeric_limits<double>::infinity());
        QCOMPARE(m[2][2], 0.0);
    }

    void directLinkWinsOverShorterDetour()
    {
        // A-B 10, B-C 10, A-C 50 (measured), C-D 1. A->C keeps its measurement 50 although the
        // detour is 20; A->D has no link, so it takes the shortest path A-B-C-D = 21.
        const RegionGraph graph(regions({"A", "B", "C", "D"}),
                                {link("A", "B", 10), link("B", "C", 10), link("A", "C", 50), link("C", "D", 1)});
        const auto ac = graph.shortestPath("A", "C");
        QCOMPARE(ac->rttMs, 50.0);
        QVERIFY(ac->direct);
        const auto ad = graph.shortestPath("A", "D");
        QCOMPARE(ad->rttMs, 21.0);
        QCOMPARE(ad->regions, (Names{"A", "B", "C", "D"}));
        QVERIFY(!ad->direct);
        QCOMPARE(graph.rttMatrixMs()[0][2], 50.0);
        QCOMPARE(graph.rttMatrixMs()[0][3], 21.0);
    }

    void diagonalIsZero()
    {
        const RegionGraph graph(regions({"A", "B"}), {link("A", "B", 7)});
        const auto aa = graph.shortestPath("A", "A");
        QCOMPARE(aa->rttMs, 0.0);
        QCOMPARE(aa->regions, (Names{"A"}));
        QVERIFY(aa->direct);
        QCOMPARE(graph.rttMatrixMs()[1][1], 0.0);
    }

    void duplicateLinksKeepTheSmallest()
    {
        const RegionGraph graph(regions({"A", "B"}), {link("A", "B", 10), link("B", "A", 8, false)});
        QCOMPARE(graph.rttMs("A", "B").value(), 10.0);
        QCOMPARE(graph.rttMs("B", "A").value(), 8.0);
    }

    void invalidLinksAreIgnored()
    {
        const RegionGraph graph(regions({"A", "B"}),
                                {link("A", "X", 5), link("A", "A", 5), link("A", "B", 0), link("A", "B", -3),
                                 link("A", "B", std::numeric_limits<double>::quiet_NaN())});
        QVERIFY(!graph.connected());
        QVERIFY(!graph.rttMs("A", "B").has_value());
    }

    void indexAndUnknownRegions()
    {
        const RegionGraph graph(regions({"A", "B"}), {link("A", "B", 7)});
        QCOMPARE(graph.indexOf("A"), 0);
        QCOMPARE(graph.indexOf("B"), 1);
        QCOMPARE(graph.indexOf("nope"), -1);
        QVERIFY(!graph.shortestPath("A", "nope").has_value());
        QVERIFY(!graph.rttMs("nope", "A").has_value());
        QCOMPARE(graph.regionIds(), (Names{"A", "B"}));
    }

    void trivialGraphsAreConnected()
    {
        QVERIFY(RegionGraph(regions({}), {}).connected());
        const RegionGraph one(regions({"A"}), {});
        QVERIFY(one.connected());
        QCOMPARE(one.rttMatrixMs().size(), std::size_t(1));
        QCOMPARE(one.rttMatrixMs()[0][0], 0.0);
    }

    void fromScenario()
    {
        Scenario scenario;
        scenario.regions = regions({"A", "B", "C"});
        scenario.links = {link("A", "B", 3), link("B", "C", 4)};
        const RegionGraph graph(scenario);
        QCOMPARE(graph.rttMs("A", "C").value(), 7.0);
        QCOMPARE(graph.rttMatrixMs(), RegionGraph(scenario.regions, scenario.links).rttMatrixMs());
    }
};

QTEST_APPLESS_MAIN(TestRegionGraph)
#include "tst_regiongraph.moc"
