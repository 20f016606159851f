import Foundation
import Testing
@testable import Runner

@Suite struct AudioFormatCheckTests {
    func wavHeader(channels: UInt8 = 1, bits: UInt8 = 16) -> Data {
        var b = [UInt8]("RIFF".utf8) + [36, 0, 0, 0] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, channels, 0]
        b += [0xC0, 0x5D, 0, 0, 0x80, 0xBB, 0, 0, 2, 0, bits, 0] + Array("data".utf8) + [0, 0, 0, 0]
        return Data(b)
    }

    @Test func acceptsAWavHeader() {
        #expect(AudioFormatCheck.problem(wavHeader(), format: "wav") == nil)
    }

    @Test func rejectsTextAsWav() {
        #expect(AudioFormatCheck.problem(Data(String(repeating: "not audio ", count: 10).utf8), format: "wav") == "no RIFF/WAVE header")
        #expect(AudioFormatCheck.problem(Data([1, 2]), format: "wav") == "shorter than a WAV header")
        #expect(AudioFormatCheck.problem(wavHeader(channels: 0), format: "wav") != nil)
    }

    @Test func recognizesOtherContainers() {
        #expect(AudioFormatCheck.problem(Data("fLaC....".utf8), format: "flac") == nil)
        #expect(AudioFormatCheck.problem(Data([0xFF, 0xFB, 0x90]), format: "mp3") == nil)
        #expect(AudioFormatCheck.problem(Data("ID3...".utf8), format: "mp3") == nil)
        #expect(AudioFormatCheck.problem(Data([1, 2, 3]), format: "pcm16") != nil)
    }
}
