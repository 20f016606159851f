// docverify-fuzz: a seeded mutation fuzzer for docverify's readers (Markdown + DocFX, Python,
// JavaScript, TypeScript, shell/curl, JSON). A seeded driver runs everywhere and makes every
// input again from its number. libFuzzer (Swift 6.3.1, checked): `swiftc -sanitize=fuzzer` links a
// single file, but SwiftPM links an executable with `--defsym main=<module>_main`, which collides
// with libFuzzer's own `main` (ld.gold fails); only a hand-made link against
// libclang_rt.fuzzer_no_main calling `LLVMFuzzerRunDriver` works, outside SwiftPM (fuzz/RESULTS.md).
//
//   docverify-fuzz TARGET [--runs N] [--seconds S] [--seed X] [--seeds DIR]... [--out DIR]
//                         [--max-repeat N] [--input-timeout S]
//   docverify-fuzz TARGET --replay FILE
//
// A crash or an input running past --input-timeout (10 s) is written to OUT/TARGET-crash.bin / -hang.bin (exit 1 / 3);
// the slowest input of a run to OUT/TARGET-slowest.bin.
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("docverify-fuzz: " + message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let targetName = arguments.first, let target = FuzzTarget.all.first(where: { $0.name == targetName }) else {
    fail("name a target: " + FuzzTarget.all.map(\.name).joined(separator: ", "))
}
arguments.removeFirst()
var runs: UInt64 = 10_000
var seconds: Double = .infinity
var runSeed: UInt64 = 1
var seedDirectories: [String] = []
var outDirectory = "fuzz-out"
var replay: String?
var maxRepeat = 3000
var inputTimeout: UInt32 = 10
while let option = arguments.first {
    arguments.removeFirst()
    guard let value = arguments.first else { fail("\(option) needs a value") }
    arguments.removeFirst()
    switch option {
    case "--runs": runs = UInt64(value) ?? runs
    case "--seconds": seconds = Double(value) ?? seconds
    case "--seed": runSeed = UInt64(value) ?? runSeed
    case "--seeds": seedDirectories.append(value)
    case "--out": outDirectory = value
    case "--replay": replay = value
    case "--max-repeat": maxRepeat = Int(value) ?? maxRepeat
    case "--input-timeout": inputTimeout = UInt32(value) ?? inputTimeout
    default: fail("unknown option \(option)")
    }
}
try? FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
let file: ArticleFile
do { file = try ArticleFile() } catch { fail("cannot make a scratch folder: \(error)") }
defer { try? FileManager.default.removeItem(atPath: file.directory) }

if let replay {
    guard let data = FileManager.default.contents(atPath: replay) else { fail("cannot read \(replay)") }
    target.run(String(decoding: data, as: UTF8.self), file)
    print("\(target.name): replayed \(replay) without a crash")
    exit(0)
}

let seeds = SeedCorpus.seeds(for: target.name, in: seedDirectories.isEmpty ? ["docs", "Tests"] : seedDirectories)
guard !seeds.isEmpty else { fail("no seeds for \(target.name) in \(seedDirectories)") }
var mutator = Mutator(seeds: seeds.map { Array($0.utf8) }, dictionary: target.dictionary.map { Array($0.utf8) })
mutator.maxRepeat = maxRepeat
CrashCapture.install(
    crashFile: outDirectory + "/\(target.name)-crash.bin", hangFile: outDirectory + "/\(target.name)-hang.bin")

let started = Date()
var done: UInt64 = 0
var slowest = (seconds: 0.0, number: UInt64(0))
// Kept so a superlinear path shows itself: replay it with --replay to profile.
var slowestInput: [UInt8] = []
while done < runs, Date().timeIntervalSince(started) < seconds {
    let bytes = mutator.input(number: done, runSeed: runSeed)
    CrashCapture.remember(bytes)
    alarm(inputTimeout)
    let t0 = Date()
    target.run(String(decoding: bytes, as: UTF8.self), file)
    let elapsed = Date().timeIntervalSince(t0)
    if elapsed > slowest.seconds {
        slowest = (elapsed, done)
        slowestInput = bytes
    }
    done += 1
}
alarm(0)
let total = Date().timeIntervalSince(started)
let slowestPath = outDirectory + "/\(target.name)-slowest.bin"
FileManager.default.createFile(atPath: slowestPath, contents: Data(slowestInput))
print(String(
    format: "%@: %llu inputs in %.1f s (%.0f/s) from %d seeds, no crash; slowest input #%llu took %.3f s (%@)",
    target.name, done, total, Double(done) / max(total, 0.001), seeds.count, slowest.number, slowest.seconds, slowestPath))
