/// The mock's audio encoders for other stages that need real audio bytes (the Runner's stand-in
/// uploads), so there is one WAV / FLAC / MP3 writer in the package.
public enum EncodedAudio {
    /// The sample rate of everything below (24 kHz mono 16-bit).
    public static var sampleRate: Int { AudioSynthesis.sampleRate }

    /// Voice-like mono 16-bit PCM (pitched, in syllables), the same for the same seed.
    public static func speechLikePCM16(seed: UInt64, milliseconds: Int) -> [UInt8] {
        AudioSynthesis.pcm16(seed: seed, milliseconds: milliseconds)
    }

    /// A RIFF/WAVE file of `pcm` (mono 16-bit little-endian at ``sampleRate``).
    public static func wav(pcm16 pcm: [UInt8]) -> [UInt8] { AudioSynthesis.wav(pcm: pcm) }

    /// A FLAC stream of `pcm` (mono 16-bit little-endian at ``sampleRate``).
    public static func flac(pcm16 pcm: [UInt8]) -> [UInt8] {
        FLACEncoding.encode(pcm16LittleEndian: pcm, sampleRate: AudioSynthesis.sampleRate)
    }

    /// Valid MP3 frames of silence.
    public static func silentMP3(milliseconds: Int) -> [UInt8] { AudioSynthesis.silentMP3(milliseconds: milliseconds) }
}
