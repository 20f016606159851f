"""Writes an article of our own whose curl sample sends one chat completions request carrying a
WAV of input audio, sized so the JSON body is about the byte count given, plus that body alone
(body.json) for sending straight to the mock."""
import base64, json, math, struct, sys
from pathlib import Path

folder, target = Path(sys.argv[1]), int(sys.argv[2])
folder.mkdir(parents=True, exist_ok=True)
rate = 24000
samples = (target * 3 // 4 - 44) // 2
period = [int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(rate // 440 * 10)]
pcm = struct.pack("<%dh" % len(period), *period)
data = (pcm * (samples * 2 // len(pcm) + 1))[: samples * 2]
wav = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) + b"data" + struct.pack("<I", len(data)) + data
body = {
    "model": "gpt-4o-audio-preview",
    "modalities": ["text"],
    "messages": [{"role": "user", "content": [
        {"type": "text", "text": "Describe this recording."},
        {"type": "input_audio", "input_audio": {"data": base64.b64encode(wav).decode(), "format": "wav"}},
    ]}],
}
text = json.dumps(body)
(folder / "body.json").write_text(text)
(folder / "big-audio.md").write_text(
    "---\ntitle: Large audio input\n---\n\n# Large audio input\n\n## Send the recording\n\n"
    "```bash\ncurl -s \"$AZURE_OPENAI_ENDPOINT/openai/deployments/gpt-4o-audio-preview/chat/completions?api-version=2025-01-01-preview\" \\\n"
    "  -H \"Content-Type: application/json\" -H \"api-key: $AZURE_OPENAI_API_KEY\" \\\n"
    "  -d '" + text + "'\n```\n")
