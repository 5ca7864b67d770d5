import ArgumentParser
import FactCheckCore
import Foundation
import LLM
import Stages
import Verification

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the verifier on labelled data and print accuracy, macro-F1, per-class scores, confusion and ECE.",
        discussion: """
        --format nli reads {premise, hypothesis, label} lines (entailment/neutral/contradiction). --format claims \
        reads the shared claim schema; with --mode gold each claim is verified against its own evidence texts: \
        the claim takes the stance of its most decisive evidence item (highest support or refute probability); \
        claims without evidence text are NOT_ENOUGH_INFO. CONFLICTING claims are reported apart. With --llm-url (gold \
        mode) the LLM judge reads each claim's evidence beside the verifier, its stances weighted by --llm-judge-weight \
        (1: the judge's wherever it gave a judgement that quotes its passage); retrieve mode runs the pipeline with the \
        LLM uses chosen.
        """
    )

    @OptionGroup var home: HomeOptions
    @Argument(help: "A JSONL file.") var file: String
    @Option(help: "nli or claims.") var format: EvalRecords.Format = .nli
    @Option(help: "claims format: gold (the claim's own evidence) or retrieve (search --corpus with the full pipeline).") var mode: Mode = .gold
    @Option(help: "retrieve mode: a JSONL corpus ({id, title, text, …} per line) to ingest and search.") var corpus: String?
    @Option(help: "Write an HTML page with a confusion heat map and a reliability diagram to this folder.") var report: String?
    @Option(help: "Keep records whose split field equals this.") var split: String?
    @Option(help: "retrieve mode: fit the verdict-confidence calibration on these claims (uncalibrated run) and write it here as JSON.")
    var fitCalibration: String?
    @Option(help: "Keep these gold labels (comma-separated) and decide only among them.") var labels: String?
    @Flag(help: "claims format: score each evidence item against its own evidence_label.") var perEvidence = false
    @Flag(help: "claims format, gold mode: read each evidence text after its title when it does not name it, as the pipeline reads passages.") var titleContext = false
    @Option(help: "Score a fixed, seeded random sample of this many items.") var limit: Int?
    @Option(help: "retrieve mode: grounded (sentence by sentence, with the grounding rules; the default) or passage (the verifier on whole passages).")
    var stance: StanceReading = .grounded
    @Option(help: "Write each item's prediction (in retrieve mode with its weighed evidence) to this JSONL file.") var predictions: String?
    @Option(help: "Verifier: an installed model name or a model folder.") var verifier: String = "factcheck-verifier-minilm-l6"
    @Option(help: "Threads for inference.") var threads = 2
    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions
    @Option(help: "Gold mode with --llm-url: the LLM judge's share of each blended stance, 0…1 (the others are reported too: 0, 0.5, 1).")
    var llmJudgeWeight = 0.5
    @Flag(help: "Print JSON.") var json = false

    enum Mode: String, ExpressibleByArgument, CaseIterable { case gold, retrieve }
    enum StanceReading: String, ExpressibleByArgument, CaseIterable { case grounded, passage }

    func validate() throws {
        if mode == .retrieve {
            guard format == .claims, corpus != nil else { throw ValidationError("--mode retrieve needs --format claims and --corpus FILE.") }
            guard !perEvidence, !titleContext else { throw ValidationError("--per-evidence and --title-context apply to gold mode.") }
        } else if fitCalibration != nil {
            throw ValidationError("--fit-calibration needs --mode retrieve.")
        }
        if perEvidence, format != .claims { throw ValidationError("--per-evidence applies to --format claims.") }
        if let limit, limit <= 0 { throw ValidationError("--limit must be positive.") }
        if let labels, labels.split(separator: ",").count < 2 { throw ValidationError("--labels needs at least two labels.") }
        guard threads > 0 else { throw ValidationError("--threads must be positive.") }
        guard (0 ... 1).contains(llmJudgeWeight) else { throw ValidationError("--llm-judge-weight must be between 0 and 1.") }
    }

    func run() async throws {
        var records = try EvalRecords(path: file, format: format, split: split, perEvidence: perEvidence, titleContext: titleContext)
        for line in records.skipped { FileHandle.standardError.write(Data("skipped \(line)\n".utf8)) }
        let labelNames: [String] = labels.map { $0.split(separator: ",").map(String.init) }
            ?? (format == .nli ? ["entailment", "neutral", "contradiction"]
                : perEvidence ? Stance.allCases.map(\.rawValue) : ["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"])
        let stanceOrder = try labelNames.map { name -> Stance in
            guard let stance = Stance(label: name) else { throw ValidationError("--labels: unknown label '\(name)'.") }
            return stance
        }
        let conflicting = records.items.filter { $0.gold == "CONFLICTING" }
        records.items = records.items.filter { labelNames.contains($0.gold) }
        if let limit { records.items = SeededSample.take(limit, from: records.items) }
        guard !records.items.isEmpty else { throw EvalError("\(file): no items with labels \(labelNames) to score") }

        // Items that repeat the claim of an item labelled otherwise (Check-COVID's NOT_ENOUGH_INFO claims repeat a
        // SUPPORTED or REFUTED claim word for word, labelled against another sentence): retrieve mode reads only the
        // claim, so at most one of each such set can be scored right.
        let repeatedWithOtherLabel = mode == .retrieve ? Self.repeatedWithOtherLabel(records.items) : 0
        var gold: [Int] = [], predicted: [Int] = [], confidence: [Double] = [], latencies: [Double] = []
        var recallHits = 0, recallScored = 0
        var calibrationSamples: [VerdictCalibration.Sample] = []
        let writer = try predictions.map(EvalPredictionWriter.init(path:))
        if mode == .retrieve {
            let pipeline = try await retrievalPipeline(calibrated: fitCalibration == nil)
            for item in records.items {
                let start = DispatchTime.now()
                let (assessment, _) = try await pipeline.assess(item.claim)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
                // Misleading (conflicting evidence) counts as not enough information when it is not a scored label.
                var label = assessment.decision.verdict.benchmarkLabel
                if !labelNames.contains(label) { label = "NOT_ENOUGH_INFO" }
                gold.append(labelNames.firstIndex(of: item.gold)!)
                predicted.append(labelNames.firstIndex(of: label) ?? labelNames.count - 1)
                confidence.append(assessment.decision.confidence)
                calibrationSamples.append(.init(verdict: assessment.decision.verdict, confidence: assessment.decision.confidence,
                                                correct: label == item.gold))
                try writer?.write(EvalPrediction(
                    claim: item.claim, gold: item.gold, predicted: label, confidence: assessment.decision.confidence,
                    normalizedClaim: assessment.claim.normalized, verdict: assessment.decision.verdict,
                    rationale: assessment.decision.rationale, evidence: assessment.evidence))
                if !item.goldDocuments.isEmpty {
                    recallScored += 1
                    let top = assessment.evidence.prefix(5).map(\.source.id.rawValue)
                    if top.contains(where: { id in item.goldDocuments.contains(id) || item.goldDocuments.contains(String(id.drop { $0 != ":" }.dropFirst())) }) {
                        recallHits += 1
                    }
                }
            }
        } else {
            let model = try NLIVerifier(directory: home.dataHome.installedModel(verifier), threadCount: threads)
            let judge = llm.client(for: .judge).map { LLMStanceJudge(client: $0, verifier: NLIStanceClassifier(verifier: model)) }
            let weights = [0, 0.5, 1, llmJudgeWeight].reduce(into: [Double]()) { if !$0.contains($1) { $0.append($1) } }
            var byWeight: [Double: [Int]] = [:]
            var judged = 0, usage = TokenUsage()
            for item in records.items {
                let start = DispatchTime.now()
                let budget = LLMBudget(maxTokens: llm.llmCheckTokens, time: .seconds(llm.llmCheckSeconds))
                let judgement = try await LLMBudget.$current.withValue(budget) { try await llmJudgement(of: item, by: judge) }
                if let judgement, !judgement.passages.isEmpty { judged += 1 }
                usage = usage + budget.spent.usage
                let verified = item.pairs.isEmpty ? [] : try model.stances(item.pairs)
                for weight in weights where judge != nil {
                    byWeight[weight, default: []].append(decide(verified, judgement: judgement, weight: weight, among: stanceOrder).0)
                }
                let (index, probability) = decide(verified, judgement: judgement, weight: llmJudgeWeight, among: stanceOrder)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
                gold.append(labelNames.firstIndex(of: item.gold)!)
                predicted.append(index)
                confidence.append(probability)
                try writer?.write(EvalPrediction(claim: item.claim.isEmpty ? item.pairs.first?.claim ?? "" : item.claim, gold: item.gold,
                                                 predicted: labelNames[index], confidence: probability))
            }
            if judge != nil {
                var lines = ["the LLM judge had judgements kept (quotes found in their passages) for \(judged) of \(records.items.count) items; "
                    + "\(usage.prompt) prompt and \(usage.completion) completion tokens in all"]
                for weight in weights {
                    let scored = ClassificationMetrics(labels: labelNames, gold: gold, predicted: byWeight[weight]!,
                                                       confidence: Array(repeating: 1, count: gold.count))
                    lines.append(String(format: "judge weight %.2f (0: the verifier alone; 1: the judge wherever it judged): accuracy %.4f  macro-F1 %.4f",
                                        weight, scored.accuracy, scored.macroF1))
                }
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        }
        try writer?.close()
        let metrics = ClassificationMetrics(labels: labelNames, gold: gold, predicted: predicted, confidence: confidence)
        if let fitCalibration {
            let source = "\(URL(fileURLWithPath: file).lastPathComponent)\(split.map { " split \($0)" } ?? ""), \(calibrationSamples.count) claims, "
                + "retrieve mode over \(URL(fileURLWithPath: corpus!).lastPathComponent), uncalibrated"
            let fitted = VerdictCalibration.fit(calibrationSamples, fittedOn: source)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(fitted).write(to: URL(fileURLWithPath: fitCalibration))
            FileHandle.standardError.write(Data("wrote the calibration fitted on \(source) to \(fitCalibration)\n".utf8))
        }
        if let report {
            try EvalReportPage(title: "\(URL(fileURLWithPath: file).lastPathComponent) (\(format.rawValue), \(mode.rawValue))", metrics: metrics,
                               correct: zip(gold, predicted).map { $0 == $1 }, confidence: confidence)
                .write(to: URL(fileURLWithPath: report))
        }
        let sorted = latencies.sorted()
        let latency = ["p50": sorted[sorted.count / 2], "p95": sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]]
        if json {
            var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(metrics)) as! [String: Any]
            object["latency_ms"] = latency
            object["conflicting_excluded"] = conflicting.count
            if recallScored > 0 { object["recall_at_5"] = Double(recallHits) / Double(recallScored) }
            if mode == .retrieve { object["claims_repeated_with_other_label"] = repeatedWithOtherLabel }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(String(format: "n %d  accuracy %.4f  macro-F1 %.4f  ECE %.4f  latency p50 %.1f ms  p95 %.1f ms",
                         metrics.n, metrics.accuracy, metrics.macroF1, metrics.ece, latency["p50"]!, latency["p95"]!))
            var rows = [["label", "precision", "recall", "F1", "support"]]
            for label in labelNames {
                let scores = metrics.perClass[label]!
                rows.append([label, String(format: "%.3f", scores.precision), String(format: "%.3f", scores.recall),
                             String(format: "%.3f", scores.f1), "\(scores.support)"])
            }
            print(table(rows), terminator: "")
            print("confusion (rows gold, columns predicted, in label order): \(metrics.confusion)")
            if !conflicting.isEmpty { print("\(conflicting.count) CONFLICTING items excluded") }
            if repeatedWithOtherLabel > 0 {
                print("\(repeatedWithOtherLabel) items repeat the claim of an item labelled otherwise: retrieve mode reads the same input for them")
            }
            if recallScored > 0 { print(String(format: "retrieval recall@5 %.4f over %d claims with gold evidence", Double(recallHits) / Double(recallScored), recallScored)) }
        }
    }

    /// How many of `items` share their claim's text with an item of another gold label.
    static func repeatedWithOtherLabel(_ items: [EvalItem]) -> Int {
        let claims = items.map { $0.claim.trimmingCharacters(in: .whitespacesAndNewlines) }
        var labels: [String: Set<String>] = [:]
        for (claim, item) in zip(claims, items) { labels[claim, default: []].insert(item.gold) }
        return claims.filter { labels[$0]!.count > 1 }.count
    }

    /// The default pipeline over a knowledge base built from `--corpus` (cached in the data home by content hash).
    private func retrievalPipeline(calibrated: Bool) async throws -> FactCheckPipeline {
        let corpusPath = corpus!
        let hash = try FileDigest.sha256Hex(ofFile: URL(fileURLWithPath: corpusPath)).prefix(16)
        let cache = home.dataHome.root.appendingPathComponent("cache/eval-\(hash)")
        let evalHome = DataHome(path: cache.path, models: home.dataHome.models)
        FileHandle.standardError.write(Data("ingesting \(corpusPath) into \(evalHome.databasePath)\n".utf8))
        _ = try await IngestCommand.ingest([corpusPath], home: evalHome, vectors: true, summaryOnStandardError: json)
        return try evalHome.pipeline(verifier: verifier, calibrated: calibrated, grounded: stance == .grounded, llm: llm)
    }

    /// The LLM judge's judgement of the item's evidence (nil without a judge, or when it could not judge).
    private func llmJudgement(of item: EvalItem, by judge: LLMStanceJudge?) async throws -> EvidenceJudgement? {
        guard let judge, let claim = item.pairs.first?.claim, item.pairs.allSatisfy({ $0.claim == claim }) else { return nil }
        do {
            return try await judge.judge(claim, passages: item.pairs.map(\.passage))
        } catch let error where !(error is CancellationError) {
            return nil
        }
    }

    /// The item's predicted label index and its confidence, deciding only among `stances`: the verifier's stances of
    /// its evidence, blended with the judge's where there is a judgement (its share `weight`); no evidence is not
    /// enough information.
    private func decide(_ verified: [StanceProbabilities], judgement: EvidenceJudgement?, weight: Double, among stances: [Stance]) -> (Int, Double) {
        guard !verified.isEmpty else {
            return (stances.firstIndex(of: .notEnoughInfo) ?? 0, 1)
        }
        let results = judgement.map { LLMStanceJudge.blend(verified, with: $0, weight: weight) } ?? verified
        // The most decisive evidence item: highest probability of supporting or refuting among the allowed stances.
        let decisive = stances.filter { $0 != .notEnoughInfo }
        let best = results.max { a, b in
            decisive.map { a[$0] }.max() ?? 0 < decisive.map { b[$0] }.max() ?? 0
        } ?? results[0]
        let total = stances.reduce(0) { $0 + best[$1] }
        let index = stances.indices.max { best[stances[$0]] < best[stances[$1]] }!
        return (index, total > 0 ? best[stances[index]] / total : 1 / Double(stances.count))
    }
}

/// A deterministic random sample (SplitMix64, fixed seed), kept in input order.
enum SeededSample {
    static func take<T>(_ count: Int, from items: [T], seed: UInt64 = 20_261_123) -> [T] {
        guard count < items.count else { return items }
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var indices = Array(items.indices)
        for i in stride(from: indices.count - 1, to: 0, by: -1) { indices.swapAt(i, Int(next() % UInt64(i + 1))) }
        return indices.prefix(count).sorted().map { items[$0] }
    }
}
