import Domain
import Testing

@Suite("Year plan Check status")
struct PlanStatusTests {
    func status(_ direction: IndicatorDirection, _ value: Double?, year: Double?, final: Double?) -> IndicatorStatus {
        IndicatorClassifier.classify(direction: direction, value: value, yearTarget: year, finalTarget: final)
    }

    @Test("higher is better: achieved from the final target up, on track from this year's target up, behind below it")
    func higherIsBetter() {
        // Baseline 60, this year's target 65, final target 80.
        #expect(status(.higher, 64.99, year: 65, final: 80) == .behind)
        #expect(status(.higher, 65, year: 65, final: 80) == .onTrack)
        #expect(status(.higher, 79.99, year: 65, final: 80) == .onTrack)
        #expect(status(.higher, 80, year: 65, final: 80) == .achieved)
        #expect(status(.higher, 95, year: 65, final: 80) == .achieved)
        #expect(status(.higher, 0, year: 65, final: 80) == .behind)
        #expect(status(.higher, nil, year: 65, final: 80) == .noData)
    }

    @Test("lower is better: achieved from the final target down, on track from this year's target down, behind above it")
    func lowerIsBetter() {
        // Baseline 28, this year's target 26.5, final target 20.
        #expect(status(.lower, 26.51, year: 26.5, final: 20) == .behind)
        #expect(status(.lower, 26.5, year: 26.5, final: 20) == .onTrack)
        #expect(status(.lower, 20.01, year: 26.5, final: 20) == .onTrack)
        #expect(status(.lower, 20, year: 26.5, final: 20) == .achieved)
        #expect(status(.lower, 0, year: 26.5, final: 20) == .achieved)
        #expect(status(.lower, 30, year: 26.5, final: 20) == .behind)
        #expect(status(.lower, nil, year: 26.5, final: 20) == .noData)
    }

    @Test("reach a value: achieved within 0,5% of the target, on track when at least as close as this year's target")
    func reachAValue() {
        #expect(status(.reach, 7.035, year: 6.5, final: 7) == .achieved)
        #expect(status(.reach, 6.965, year: 6.5, final: 7) == .achieved)
        #expect(status(.reach, 7.04, year: 6.5, final: 7) == .onTrack)
        #expect(status(.reach, 6.5, year: 6.5, final: 7) == .onTrack)
        #expect(status(.reach, 7.5, year: 6.5, final: 7) == .onTrack)
        #expect(status(.reach, 6.49, year: 6.5, final: 7) == .behind)
        #expect(status(.reach, 1, year: 1, final: 1) == .achieved)
        #expect(status(.reach, 0, year: 1, final: 1) == .behind)
    }

    @Test("binary rounding of sums does not turn a met target into 'behind'")
    func rounding() {
        #expect(status(.higher, 0.1 + 0.2, year: 0.3, final: 1) == .onTrack)
    }

    @Test("without a target there is nothing to compare: no data")
    func noTarget() {
        #expect(status(.higher, 50, year: nil, final: nil) == .noData)
        #expect(status(.higher, 50, year: nil, final: 40) == .achieved)
    }

    @Test("a cumulative result compares the running total; a per-year result its own value")
    func accumulation() {
        #expect(IndicatorClassifier.comparedValue(accumulation: .cumulative, value: 3, earlierTotal: 4) == 7)
        #expect(IndicatorClassifier.comparedValue(accumulation: .cumulative, value: 3, earlierTotal: nil) == 3)
        #expect(IndicatorClassifier.comparedValue(accumulation: .perYear, value: 3, earlierTotal: 4) == 3)
        #expect(IndicatorClassifier.comparedValue(accumulation: .cumulative, value: nil, earlierTotal: 4) == nil)
        let result = PlanResult(id: 1, lineage: 1, goalID: 1, goalName: "", position: 1, description: "Scholingsdagen", indicator: "Dagen",
                                unit: "number", baselineValue: 0, baselineYear: 2021, direction: .higher, dataSource: "",
                                accumulation: .cumulative, yearTarget: 6, finalTarget: 14, earlierTotal: 4)
        #expect(result.status(Measurement(value: .value(2))) == .onTrack)
        #expect(result.status(Measurement(value: .value(1.5))) == .behind)
    }

    @Test("'niet gemeten' is no data, never the value 0")
    func notMeasuredIsNotZero() {
        let result = PlanResult(id: 1, lineage: 1, goalID: 1, goalName: "", position: 1, description: "Taal", indicator: "Taalachterstand",
                                unit: "percent", baselineValue: 28, baselineYear: 2021, direction: .lower, dataSource: "",
                                accumulation: .perYear, yearTarget: 26.5, finalTarget: 20)
        #expect(result.status(Measurement(value: .notMeasured(reason: "Geen toets"))) == .noData)
        #expect(result.status(Measurement(value: .value(0))) == .achieved)
        #expect(result.status(nil) == .noData)
        #expect(MeasuredValue.notMeasured(reason: "x").number == nil)
    }
}

@Suite("Year plan workflow rules")
struct PlanWorkflowRuleTests {
    @Test("a submitted plan is read-only for its director, an approved one for everybody")
    func editability() {
        #expect(YearPlanRules.editability(status: .concept, role: .directeur) == .editable)
        #expect(YearPlanRules.editability(status: .teruggestuurd, role: .directeur) == .editable)
        #expect(!YearPlanRules.editability(status: .ingediend, role: .directeur).isEditable)
        #expect(YearPlanRules.editability(status: .ingediend, role: .projectleider) == .editable)
        for role in Role.allCases {
            #expect(YearPlanRules.editability(status: .goedgekeurd, role: role).reason != nil)
        }
        #expect(!YearPlanRules.editability(status: .concept, role: .ontwikkelgroep).isEditable)
    }

    @Test("the missing list names what is still empty, and nothing once all is filled in")
    func missing() {
        let results = [PlanResult(id: 7, lineage: 1, goalID: 1, goalName: "", position: 1, description: "Meer VVE", indicator: "Deelname VVE",
                                  unit: "percent", baselineValue: 60, baselineYear: 2021, direction: .higher, dataSource: "",
                                  accumulation: .perYear, yearTarget: 65, finalTarget: 80)]
        let funding = [PlanFundingLine(sourceID: 3, name: "OAB", agreedCents: 100)]
        var content = YearPlanContent()
        #expect(YearPlanRules.missing(content: content, results: results, funding: funding).count == 5)
        content.intention = "Doel"
        content.activities[7] = "Iets"
        content.plannedCents[3] = 100
        content.measurements[7] = Measurement(value: .notMeasured(reason: ""))
        content.actChanges = "Anders"
        #expect(YearPlanRules.missing(content: content, results: results, funding: funding) == [
            "Check: de reden waarom ‘Deelname VVE’ niet gemeten is",
            "Check: het werkelijk bestede bedrag uit ‘OAB’",
        ])
        content.measurements[7] = Measurement(value: .value(0))
        content.spentCents[3] = 0
        #expect(YearPlanRules.missing(content: content, results: results, funding: funding).isEmpty)
    }

    @Test("late means submitted after the grace period, or not submitted when it is over")
    func lateness() {
        let deadline = PlanDeadline(year: 2025, dueOn: Day(year: 2026, month: 10, day: 1)!, graceDays: 14)
        let lastDay = Day(year: 2026, month: 10, day: 15)!
        #expect(deadline.lastDay == lastDay)
        #expect(!deadline.isLate(status: .ingediend, submittedOn: lastDay, today: lastDay.addingDays(30)))
        #expect(deadline.isLate(status: .ingediend, submittedOn: lastDay.addingDays(1), today: lastDay.addingDays(30)))
        #expect(!deadline.isLate(status: .concept, submittedOn: nil, today: lastDay))
        #expect(deadline.isLate(status: .concept, submittedOn: nil, today: lastDay.addingDays(1)))
        #expect(deadline.isLate(status: nil, submittedOn: nil, today: lastDay.addingDays(1)))
        #expect(deadline.isLate(status: .teruggestuurd, submittedOn: Day(year: 2026, month: 9, day: 1), today: lastDay.addingDays(1)))
    }

    @Test("the director is reminded from 21 days before the due date, urgently from 7")
    func reminders() {
        let due = Day(year: 2026, month: 10, day: 1)!
        let deadline = PlanDeadline(year: 2025, dueOn: due, graceDays: 14)
        #expect(deadline.reminder(status: .concept, today: due.addingDays(-22)) == .none)
        #expect(deadline.reminder(status: .concept, today: due.addingDays(-21)) == .upcoming(daysLeft: 21))
        #expect(deadline.reminder(status: .concept, today: due.addingDays(-8)) == .upcoming(daysLeft: 8))
        #expect(deadline.reminder(status: .concept, today: due.addingDays(-7)) == .soon(daysLeft: 7))
        #expect(deadline.reminder(status: nil, today: due) == .soon(daysLeft: 0))
        #expect(deadline.reminder(status: .concept, today: due.addingDays(1)) == .inGrace(daysLeft: 13))
        #expect(deadline.reminder(status: .concept, today: due.addingDays(15)) == .late)
        #expect(deadline.reminder(status: .ingediend, today: due.addingDays(-3)) == .none)
    }

    @Test("the diff since the review lists exactly the changed fields")
    func diff() {
        var before = YearPlanContent(intention: "A")
        before.plannedCents[1] = 100
        before.measurements[2] = Measurement(value: .notMeasured(reason: "geen toets"))
        var after = before
        after.intention = "B"
        after.measurements[2] = Measurement(value: .value(0))
        after.plannedCents[1] = nil
        let changes = PlanDiff.changes(from: before.flattened, to: after.flattened)
        #expect(changes == [
            PlanChange(key: "intention", old: "A", new: "B"),
            PlanChange(key: "measurement.2", old: "niet gemeten: geen toets", new: "0"),
            PlanChange(key: "planned.1", old: "100", new: nil),
        ])
        #expect(PlanDiff.changes(from: before.flattened, to: before.flattened).isEmpty)
    }
}

@Suite("Deadline boundaries per moment")
struct PlanMomentDeadlineTests {
    /// KvK2 2025-2026: jaarplan due 1 October 2025 with 14 days' grace, verantwoording 1 October 2026 with 7.
    static let deadline = PlanDeadline(year: 2025, dueOn: Day(year: 2025, month: 10, day: 1)!, graceDays: 14,
                                       accountDueOn: Day(year: 2026, month: 10, day: 1)!, accountGraceDays: 7)

    @Test("the day before, the day of, the last day of grace and the day after, for both moments")
    func boundaries() throws {
        for (moment, due, lastGrace) in [(YearPlan.Moment.jaarplan, Day(year: 2025, month: 10, day: 1)!, Day(year: 2025, month: 10, day: 15)!),
                                         (.verantwoording, Day(year: 2026, month: 10, day: 1)!, Day(year: 2026, month: 10, day: 8)!)] {
            let d = try #require(Self.deadline.moment(moment))
            #expect(d.lastDay == lastGrace)
            // Not submitted, judged on a day:
            #expect(d.reminder(status: .concept, today: due.addingDays(-1)) == .soon(daysLeft: 1))
            #expect(d.reminder(status: .concept, today: due) == .soon(daysLeft: 0))
            #expect(d.reminder(status: .concept, today: lastGrace) == .inGrace(daysLeft: 0))
            #expect(d.reminder(status: .concept, today: lastGrace.addingDays(1)) == .late)
            #expect(!d.isLate(status: .concept, submittedOn: nil, today: lastGrace))
            #expect(d.isLate(status: .concept, submittedOn: nil, today: lastGrace.addingDays(1)))
            // Submitted on a day: on time up to the last day of grace.
            for day in [due.addingDays(-1), due, lastGrace] {
                #expect(!d.isLate(status: .ingediend, submittedOn: day, today: lastGrace.addingDays(30)))
            }
            #expect(d.isLate(status: .ingediend, submittedOn: lastGrace.addingDays(1), today: lastGrace.addingDays(30)))
        }
        #expect(PlanDeadline(year: 2025, dueOn: Day(year: 2025, month: 10, day: 1)!, graceDays: 0).moment(.verantwoording) == nil)
    }
}
