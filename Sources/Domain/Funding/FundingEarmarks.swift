/// Earmarks (issue 19): a source may be a part of another (VVE-middelen ⊂ OAB-middelen). The
/// part's budget counts inside its parent's; what agreements commit to the part counts against
/// the part and against every source it lies in; totals over sources add each euro once, by
/// adding only the top-level sources. `parents` maps a source to the source it is a part of.
extension Funding {
    /// The sources `id` lies in, nearest first. Stops at a loop (which the verbs refuse to store).
    public static func ancestors(of id: Int64, parents: [Int64: Int64]) -> [Int64] {
        var result: [Int64] = []
        var current = parents[id]
        while let parent = current, parent != id, !result.contains(parent) {
            result.append(parent)
            current = parents[parent]
        }
        return result
    }

    /// Whether making `child` a part of `parent` would make a loop (A ⊂ B ⊂ A, or A ⊂ A).
    public static func wouldLoop(child: Int64, parent: Int64, parents: [Int64: Int64]) -> Bool {
        parent == child || ancestors(of: parent, parents: parents).contains(child)
    }

    /// The given sources that lie in none of the others: the ones a total adds.
    public static func topLevel(_ sourceIDs: [Int64], parents: [Int64: Int64]) -> [Int64] {
        let present = Set(sourceIDs)
        return sourceIDs.filter { id in !ancestors(of: id, parents: parents).contains(where: present.contains) }
    }

    /// Commitments with every part's amounts added to each source it lies in.
    public static func rolledUp(_ commitments: [Key: Commitment], parents: [Int64: Int64]) -> [Key: Commitment] {
        var result = commitments
        for (key, cell) in commitments {
            for ancestor in ancestors(of: key.sourceID, parents: parents) {
                var target = result[Key(ancestor, key.year), default: Commitment()]
                target.committed += cell.committed
                target.conceptChange += cell.conceptChange
                result[Key(ancestor, key.year)] = target
            }
        }
        return result
    }

    /// Spending with every part's amounts added to each source it lies in.
    public static func rolledUp(spending: [Key: Int64], parents: [Int64: Int64]) -> [Key: Int64] {
        var result = spending
        for (key, cents) in spending {
            for ancestor in ancestors(of: key.sourceID, parents: parents) {
                result[Key(ancestor, key.year), default: 0] += cents
            }
        }
        return result
    }

    /// The years in which a part's budget is larger than its parent's (a missing parent budget is 0).
    public static func partExceedsParent(part: [Int: Int64], parent: [Int: Int64]) -> [Int] {
        part.filter { $0.value > (parent[$0.key] ?? 0) }.map(\.key).sorted()
    }
}

extension Funding.Ledger {
    /// A ledger that knows earmarks: each source's commitments and spending include those of
    /// its parts, and the totals add the top-level sources only. Sources with a calendar-year
    /// budget (`calendarSources`) compare the calendar year with the school years' amounts split
    /// by `split` (when `split` is nil, the programme counts calendar years and nothing is split).
    public init(sourceIDs: [Int64], years: [Int], budgets: [Funding.Key: Int64], commitments: [Funding.Key: Funding.Commitment],
                spending: [Funding.Key: Int64], parents: [Int64: Int64], calendarSources: Set<Int64> = [], split: Funding.CalendarSplit? = nil) {
        var rolled = Funding.rolledUp(commitments, parents: parents)
        var spent = Funding.rolledUp(spending: spending, parents: parents)
        if let split, !calendarSources.isEmpty {
            rolled = split.calendarCommitments(rolled, sources: calendarSources)
            spent = split.calendarAmounts(spent, sources: calendarSources)
        }
        self.init(sourceIDs: sourceIDs, years: years, budgets: budgets, commitments: rolled, spending: spent)
        totalSourceIDs = Funding.topLevel(sourceIDs, parents: parents)
    }
}

extension Funding {
    /// What is wrong with saving source `id` (nil: new) as a part of `parentID` with `budgets`:
    /// a loop, or a year in which a part's budget is larger than its parent's (this source's
    /// against its parent, and each of its own parts against it). Dutch messages on the form's fields.
    public static func earmarkErrors(id: Int64?, parentID: Int64?, budgets: [Int: Int64], parents: [Int64: Int64],
                                     allBudgets: [Key: Int64], name: (Int64) -> String, yearLabel: (Int) -> String) -> ValidationErrors {
        var errors = ValidationErrors()
        var others = parents
        if let id { others[id] = nil }
        func budgetsOf(_ source: Int64) -> [Int: Int64] {
            var result: [Int: Int64] = [:]
            for (key, cents) in allBudgets where key.sourceID == source { result[key.year] = cents }
            return result
        }
        if let parentID {
            if let id, wouldLoop(child: id, parent: parentID, parents: others) {
                errors.add("parent", "\(name(parentID)) is zelf (een deel van) een deel van deze bron: dat zou een kring maken. Kies een andere bron of geen.")
                return errors
            }
            for year in partExceedsParent(part: budgets, parent: budgetsOf(parentID)) {
                errors.add(FundingSourceForm.budgetField(year),
                           "Het budget in \(yearLabel(year)) is groter dan dat van \(name(parentID)), waar deze bron een deel van is.")
            }
        }
        if let id {
            for (child, parent) in others.sorted(by: { $0.key < $1.key }) where parent == id {
                for year in partExceedsParent(part: budgetsOf(child), parent: budgets) {
                    errors.add(FundingSourceForm.budgetField(year),
                               "Het budget in \(yearLabel(year)) is kleiner dan dat van \(name(child)), dat een deel van deze bron is.")
                }
            }
        }
        return errors
    }
}

extension Funding {
    /// Agreement figures with every part's amounts also counted on each source it lies in, so an
    /// IKC's drawing on a parent includes its drawing on the parts (as the ledger's cells do).
    public static func rolledUp(figures: [AgreementFigures], parents: [Int64: Int64]) -> [AgreementFigures] {
        guard !parents.isEmpty else { return figures }
        return figures.map { figure in
            var result = figure
            for (key, cents) in figure.committed {
                for ancestor in ancestors(of: key.sourceID, parents: parents) { result.committed[Key(ancestor, key.year), default: 0] += cents }
            }
            for (key, cents) in figure.proposed {
                for ancestor in ancestors(of: key.sourceID, parents: parents) { result.proposed[Key(ancestor, key.year), default: 0] += cents }
            }
            return result
        }
    }
}

extension Funding.AgreementFigures {
    /// These figures for one source only.
    public func only(sourceID: Int64) -> Funding.AgreementFigures {
        var result = self
        result.committed = committed.filter { $0.key.sourceID == sourceID }
        result.proposed = proposed.filter { $0.key.sourceID == sourceID }
        return result
    }
}
