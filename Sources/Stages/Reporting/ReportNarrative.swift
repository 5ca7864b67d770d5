import FactCheckCore
import Foundation

/// The prose of a report: summary, one analysis paragraph per source and the conclusion. Untrusted text embedded in
/// prose (claim, names, titles, facts) has its square brackets turned into parentheses so that only the writer's
/// own `[n]` markers read as citations.
struct ReportNarrative {
    let claim: Claim
    let decision: VerdictDecision
    let sources: [ReportSource]
    let facts: [Report.Fact]
    let evidence: [Evidence]
    let date: Date
    let configuration: TemplateReportWriter.Configuration

    /// Most probable stances of passages that may be stated as facts under `verdict`: never a passage leaning
    /// against the verdict, and for Unverifiable only passages that take no side.
    static func factStances(for verdict: Verdict) -> Set<Stance> {
        switch verdict {
        case .true, .mostlyTrue: [.supports, .notEnoughInfo]
        case .false, .mostlyFalse: [.refutes, .notEnoughInfo]
        case .misleading, .outdated: Set(Stance.allCases)
        case .unverifiable: [.notEnoughInfo]
        }
    }

    /// Shown stances of sources that back `verdict` (the evidence a summary may quote).
    private static func backingStances(for verdict: Verdict) -> Set<Stance> {
        switch verdict {
        case .true, .mostlyTrue: [.supports]
        case .false, .mostlyFalse: [.refutes]
        case .misleading, .outdated: [.supports, .refutes]
        case .unverifiable: []
        }
    }

    // MARK: Summary

    var summary: String {
        guard decision.verdict != .unverifiable else {
            return "We could not verify the claim \(quotedClaim). We searched \(searchedPlaces) and \(searched), "
                + "but the evidence is insufficient to support or refute the claim."
        }
        let evidence = keyFacts.enumerated().map { index, fact in
            let attributed = "according to \(citing(fact.citations, dated: decision.verdict == .outdated)), "
                + ReportSentences.continuingSentence(inert(fact.text))
            return index == 0 ? attributed.prefix(1).uppercased() + attributed.dropFirst() : "However, " + attributed
        }
        return ([
            "The claim \(quotedClaim) is \(verdictPhrase).",
        ] + (evidence.isEmpty ? [sentence(inert(decision.rationale))] : evidence)).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private var verdictPhrase: String {
        switch decision.verdict {
        case .true: "True"
        case .mostlyTrue: "Mostly True: its core is accurate, but not every detail is confirmed"
        case .misleading: "Misleading: parts of it are accurate, but it gives a false overall impression"
        case .outdated: "Outdated: it was true at one time but no longer is"
        case .mostlyFalse: "Mostly False: its core is contradicted by the evidence, although parts of it may hold"
        case .false: "False"
        case .unverifiable: "Unverifiable"
        }
    }

    /// The fact the summary quotes (preferring key evidence) and, for Misleading and Outdated, one from the other side.
    private var keyFacts: [Report.Fact] {
        let backing = Self.backingStances(for: decision.verdict)
        let aligned = facts.filter { backing.contains(stance(of: $0)) }
        guard let first = aligned.first(where: { $0.citations.contains { sources[$0 - 1].isKey } }) ?? aligned.first else { return [] }
        guard decision.verdict == .misleading || decision.verdict == .outdated,
              let second = aligned.first(where: { stance(of: $0) != stance(of: first) }) else { return [first] }
        return [first, second]
    }

    /// A fact's stance is that of the first source it cites.
    private func stance(of fact: Report.Fact) -> Stance { sources[fact.citations[0] - 1].stance }

    // MARK: Analysis

    func analysis(of source: ReportSource) -> String {
        let evidence = source.evidence
        var origin = inert(source.name)
        if let published = evidence.source.published { origin += ", published \(ReportDates.long(published))" }
        var parts = [
            "Type: \(evidence.credibility.type.displayName) (\(origin)).",
            "Credibility: \(credibilityWord(evidence.credibility.score)) (\(String(format: "%.2f", evidence.credibility.score))). "
                + sentence(inert(evidence.credibility.reason)),
            "Possible bias: \(bias(of: evidence))",
            "\(stanceSentence(source.stance)) (stance probabilities: supports \(percent(evidence.stance.supports)), "
                + "refutes \(percent(evidence.stance.refutes)), not enough info \(percent(evidence.stance.notEnoughInfo))).",
        ]
        let citedBy = facts.indices.filter { facts[$0].citations.contains(source.n) }.map { String($0 + 1) }
        if !citedBy.isEmpty { parts.append("It is cited for \(citedBy.count == 1 ? "fact" : "facts") \(list(citedBy)).") }
        if source.isKey, decision.verdict != .unverifiable { parts.append("It is key evidence for the verdict.") }
        return parts.joined(separator: " ")
    }

    private func credibilityWord(_ score: Double) -> String {
        score >= configuration.highCredibility ? "high" : score >= configuration.moderateCredibility ? "moderate" : "low"
    }

    private func stanceSentence(_ stance: Stance) -> String {
        switch stance {
        case .supports: "It supports the claim"
        case .refutes: "It contradicts the claim"
        case .notEnoughInfo: "It does not clearly address the claim"
        }
    }

    private func bias(of evidence: Evidence) -> String {
        let note = switch evidence.credibility.type {
        case .official: "as a primary source it is authoritative on its own facts but may present them favourably."
        case .intergovernmental: "it speaks for its member states and may present their positions favourably."
        case .wireService: "wire services aim at neutral, factual reporting; bias is usually low."
        case .newspaper: "news outlets can have an editorial slant; opinion pieces are not news reporting."
        case .factChecker: "fact checkers follow published methods, but each rating reflects the claim as they worded it and the evidence of its date."
        case .academic: "scholarly work is usually peer reviewed, but single studies can be contested or superseded."
        case .encyclopedia: "anyone can edit it, so it can change or be wrong; it should be confirmed against the sources it cites."
        case .thinkTank: "think tanks often advocate policies or depend on interested funders; its framing may reflect that agenda."
        case .blog: "blogs and commercial sites are rarely fact-checked and may be written to attract traffic or sell products."
        case .socialMedia: "social-media posts are unvetted and anyone, including people who want to mislead, can write them."
        case .unknown: "its publisher is unknown, so its reliability and possible bias cannot be assessed."
        }
        return isStateMedia(evidence) ? "it is state-controlled media, which may follow its government's line; " + note : note
    }

    private func isStateMedia(_ evidence: Evidence) -> Bool {
        let domain = evidence.source.domain.lowercased()
        let reason = evidence.credibility.reason.lowercased()
        return configuration.stateMediaDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
            || ["state media", "state-run", "state-controlled", "state-owned", "state-affiliated"].contains { reason.contains($0) }
    }

    // MARK: Conclusion

    var conclusion: String {
        var parts = ["Verdict: \(decision.verdict.rawValue) (confidence \(percent(decision.confidence))).", sentence(inert(decision.rationale))]
        if decision.verdict == .unverifiable {
            parts.append("We searched \(searchedPlaces) for \(quotedClaim) and \(searched); the evidence is insufficient "
                + "to support or refute the claim. This does not mean the claim is false, only that the available sources cannot settle it.")
        } else {
            let key = sources.filter(\.isKey)
            if !key.isEmpty { parts.append("The key evidence is \(citing(key.map(\.n))).") }
            parts.append(nuance)
            parts.append(dissent)
        }
        parts.append(tally)
        parts += limits
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private var nuance: String {
        switch decision.verdict {
        case .mostlyTrue: "Its core is supported, but not every detail is confirmed by the sources."
        case .mostlyFalse: "Its core is contradicted, although parts of it may hold."
        case .misleading: misleadingNuance
        case .outdated: outdatedNuance
        case .true, .false, .unverifiable: ""
        }
    }

    private var misleadingNuance: String {
        let holds = facts.first { stance(of: $0) == .supports }.map { "What holds: \(cited($0))" }
        let fails = facts.first { stance(of: $0) == .refutes }.map { "What does not: \(cited($0))" }
        let parts = [holds, fails].compactMap { $0 }
        return parts.isEmpty ? "Parts of the claim are accurate, but taken as a whole it gives a false impression." : parts.joined(separator: " ")
    }

    private var outdatedNuance: String {
        let supportDates = sources.filter { $0.stance == .supports }.compactMap(\.evidence.source.published)
        guard let firstRefuting = sources.filter({ $0.stance == .refutes }).compactMap(\.evidence.source.published).min() else {
            return "It was true at one time, but the sources do not date when it stopped being true."
        }
        if let lastSupporting = supportDates.max(), lastSupporting <= firstRefuting {
            return "It was true until about \(ReportDates.long(firstRefuting)): sources up to \(ReportDates.long(lastSupporting)) support it, "
                + "but sources from \(ReportDates.long(firstRefuting)) on contradict it."
        }
        return "It was true until \(ReportDates.long(firstRefuting)) at the latest, the date of the earliest source that contradicts it."
    }

    /// Sources that disagree with a True/False-type verdict.
    private var dissent: String {
        let opposing: Stance
        switch decision.verdict {
        case .true, .mostlyTrue: opposing = .refutes
        case .false, .mostlyFalse: opposing = .supports
        case .misleading, .outdated, .unverifiable: return ""
        }
        let dissenters = sources.filter { $0.stance == opposing }.map(\.n)
        guard !dissenters.isEmpty else { return "" }
        return "Not every source agrees: \(citing(dissenters)) \(opposing == .supports ? "support" : "contradict")"
            + "\(dissenters.count == 1 ? "s" : "") the claim, but the weightier evidence points the other way."
    }

    /// How the listed passages divide by stance, e.g. "Of the 6 passages listed below, from 5 sources, 1 supports …".
    private var tally: String {
        guard !sources.isEmpty else { return "" }
        let supporting = sources.filter { $0.stance == .supports }.count
        let refuting = sources.filter { $0.stance == .refutes }.count
        let documentCount = documents.count
        let listed = "Of the \(count(sources.count, "passage")) listed below"
            + (documentCount == sources.count ? "" : ", from \(count(documentCount, "source"))")
        return listed + ", \(supporting) \(supporting == 1 ? "supports" : "support") the claim, "
            + "\(refuting) \(refuting == 1 ? "contradicts" : "contradict") it and \(sources.count - supporting - refuting) "
            + "\(sources.count - supporting - refuting == 1 ? "does" : "do") not clearly address it."
    }

    /// The listed passages' source documents, each once, in listing order (two passages of one article are one source).
    private var documents: [Source] {
        var seen = Set<SourceID>()
        return sources.map(\.evidence.source).filter { seen.insert($0.id).inserted }
    }

    private var limits: [String] {
        guard !sources.isEmpty else { return ["No relevant source was found, so nothing could be cross-checked."] }
        var limits: [String] = []
        var types: [String] = []
        for source in sources where !types.contains(source.evidence.credibility.type.displayName) {
            types.append(source.evidence.credibility.type.displayName)
        }
        let documents = documents
        limits.append("This check rests on \(count(documents.count, "source")) (\(types.joined(separator: "; "))).")
        if documents.count == 1 { limits.append("A single source cannot be cross-checked against others.") }
        if sources.allSatisfy({ $0.evidence.credibility.type == .encyclopedia }) {
            limits.append("Only encyclopedia sources anyone can edit were found; primary or news sources would make the verdict firmer.")
        } else if sources.allSatisfy({ $0.evidence.credibility.score < configuration.highCredibility }) {
            limits.append("None of the sources is highly credible.")
        }
        let dated = documents.compactMap(\.published).sorted()
        if let oldest = dated.first, let newest = dated.last {
            let range = oldest == newest ? "dated \(ReportDates.long(oldest))" : "dated from \(ReportDates.long(oldest)) to \(ReportDates.long(newest))"
            let undated = documents.count - dated.count
            limits.append("The sources are \(range)" + (undated > 0 ? "; \(undated) \(undated == 1 ? "has" : "have") no date." : "."))
            if date.timeIntervalSince(newest) > configuration.staleSourceAge {
                limits.append("The newest source is from \(ReportDates.long(newest)), so later developments may be missing.")
            }
        } else {
            limits.append("No source gives a publication date, so we cannot tell how current the evidence is.")
        }
        let online = onlineProviders
        limits.append(online.isEmpty
            ? "The knowledge base is offline: events after its last update are not covered."
            : "The online sources (\(online.joined(separator: ", "))) were read on \(ReportDates.long(date)); later changes to them are not covered.")
        return limits
    }

    // MARK: Wording helpers

    /// The claim as quoted in prose, without its final punctuation.
    private var quotedClaim: String {
        var text = inert(claim.normalized.isEmpty ? claim.text : claim.normalized)
        while let last = text.last, ".!?".contains(last) { text.removeLast() }
        return "“\(text)”"
    }

    /// What was searched, e.g. "reviewed 4 passages from 3 sources".
    /// The online providers whose passages were weighed, as readers know them ("Wikipedia").
    private var onlineProviders: [String] {
        var names: [String] = []
        for provider in evidence.compactMap(\.retrieved.provider) where provider != "local" {
            let name = ProviderSummary.displayName(provider)
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// "our offline knowledge base", or "our knowledge base and Wikipedia" when online sources were weighed.
    private var searchedPlaces: String {
        let online = onlineProviders
        return online.isEmpty ? "our offline knowledge base" : "our knowledge base and " + online.joined(separator: ", ")
    }

    private var searched: String {
        guard !evidence.isEmpty else { return "found no relevant passage" }
        return "reviewed \(count(evidence.count, "passage")) from \(count(Set(evidence.map(\.source.id)).count, "source"))"
    }

    /// "NATO [1] and Reuters [2][3]"; with `dated`, each name followed by its sources' publication date.
    private func citing(_ numbers: [Int], dated: Bool = false) -> String {
        var groups: [(name: String, markers: String)] = []
        for n in numbers {
            let source = sources[n - 1]
            var name = inert(source.name)
            if dated, let published = source.evidence.source.published { name += " (\(ReportDates.long(published)))" }
            if let index = groups.firstIndex(where: { $0.name == name }) { groups[index].markers += "[\(n)]" } else { groups.append((name, "[\(n)]")) }
        }
        return list(groups.map { "\($0.name) \($0.markers)" })
    }

    /// A fact with its citation markers before the final full stop.
    private func cited(_ fact: Report.Fact) -> String {
        var text = inert(fact.text)
        while let last = text.last, ".!?".contains(last) { text.removeLast() }
        return text + " " + fact.citations.map { "[\($0)]" }.joined() + "."
    }

    private func list(_ items: [String]) -> String {
        items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func percent(_ probability: Double) -> String { "\(Int((probability * 100).rounded()))%" }

    /// `text` collapsed and ending in a full stop; empty stays empty.
    private func sentence(_ text: String) -> String {
        let collapsed = ReportSentences.collapse(text)
        guard let last = collapsed.last else { return "" }
        return ".!?".contains(last) ? collapsed : collapsed + "."
    }

    /// Untrusted text made safe to embed in prose: whitespace collapsed, square brackets replaced by parentheses.
    private func inert(_ text: String) -> String {
        String(ReportSentences.collapse(text).map { $0 == "[" ? "(" : $0 == "]" ? ")" : $0 })
    }
}
