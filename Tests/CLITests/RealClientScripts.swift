/// Small samples of our own, written the way Learn quickstarts use the official `openai` Python
/// package (AzureOpenAI client), one per operation family the mock serves. They run unchanged
/// against `docverify mock serve` in ``RealClientTests``.
enum RealClientScripts {
    static let transcribe = """
import os
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-06-01",
)

with open("speech-sample.wav", "rb") as audio:
    result = client.audio.transcriptions.create(model="whisper", file=audio)
print(result.text)

with open("speech-sample.wav", "rb") as audio:
    detailed = client.audio.transcriptions.create(
        model="whisper", file=audio, response_format="verbose_json", timestamp_granularities=["segment"]
    )
print(detailed.duration, len(detailed.segments))

with open("speech-sample.wav", "rb") as audio:
    subtitles = client.audio.transcriptions.create(model="whisper", file=audio, response_format="srt")
print(subtitles.strip().splitlines()[1])

with open("speech-sample.wav", "rb") as audio:
    english = client.audio.translations.create(model="whisper", file=audio)
print(english.text)
"""

    static let speak = """
import os
from pathlib import Path
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2025-01-01-preview",
)

target = Path(__file__).parent / "greeting.wav"
with client.audio.speech.with_streaming_response.create(
    model="tts", voice="alloy", input="Welcome to the red panda sanctuary.", response_format="wav"
) as response:
    response.stream_to_file(target)

flac = client.audio.speech.create(model="tts-hd", voice="nova", input="A second greeting.", response_format="flac")
flac.write_to_file(Path(__file__).parent / "greeting.flac")
print(target.stat().st_size)
"""

    static let images = """
import json
import os
import urllib.request
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-02-01",
)

result = client.images.generate(model="dall-e-3", prompt="A watercolour red panda on a branch", n=1, size="1024x1792")
image = json.loads(result.model_dump_json())["data"][0]
print(image["revised_prompt"])
urllib.request.urlretrieve(image["url"], "panda.png")
print("saved panda.png")
"""

    static let embed = """
import os
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)

single = client.embeddings.create(model="text-embedding-3-small", input="Red pandas eat bamboo.")
print(len(single.data[0].embedding))
batch = client.embeddings.create(model="text-embedding-3-large", input=["first text", "second text"], dimensions=256)
print(len(batch.data), len(batch.data[1].embedding), batch.usage.total_tokens)
norm = sum(x * x for x in batch.data[0].embedding) ** 0.5
print(round(norm, 3))
"""

    static let assistants = """
import os
import time
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-05-01-preview",
)

assistant = client.beta.assistants.create(
    name="Tutor", instructions="You answer questions about red pandas.", tools=[{"type": "code_interpreter"}], model="gpt-4o"
)
thread = client.beta.threads.create()
client.beta.threads.messages.create(thread_id=thread.id, role="user", content="How long do red pandas sleep?")
run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)

polls = 0
while run.status in ["queued", "in_progress", "cancelling"]:
    time.sleep(0.05)
    run = client.beta.threads.runs.retrieve(thread_id=thread.id, run_id=run.id)
    polls += 1
print(run.status, polls)

messages = client.beta.threads.messages.list(thread_id=thread.id)
for message in messages.data:
    print(message.role + ": " + message.content[0].text.value)

second = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id)
print(second.status)
client.beta.assistants.delete(assistant.id)
"""

    static let stream = """
import os
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)

stream = client.chat.completions.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "Name three facts about red pandas."}],
    stream=True,
    stream_options={"include_usage": True},
)
pieces = []
usage = None
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        pieces.append(chunk.choices[0].delta.content)
    if chunk.usage:
        usage = chunk.usage
print("".join(pieces))
print(len(pieces) > 1, usage.total_tokens > 0)

legacy = client.completions.create(model="gpt-35-turbo-instruct", prompt="Red pandas live in", max_tokens=20)
print(legacy.choices[0].text.strip())
"""

    /// The legacy `openai` 0.28 module API that older Learn tabs still show (Azure globals, `engine=`).
    static let legacy = """
import os
import openai

openai.api_type = "azure"
openai.api_base = os.environ["AZURE_OPENAI_ENDPOINT"]
openai.api_version = "2023-09-01-preview"
openai.api_key = os.environ["AZURE_OPENAI_API_KEY"]

chat = openai.ChatCompletion.create(engine="gpt-35-turbo", messages=[{"role": "user", "content": "Say hello."}])
print(chat["choices"][0]["message"]["content"])

completion = openai.Completion.create(engine="gpt-35-turbo-instruct", prompt="Red pandas eat", max_tokens=10)
print(completion.choices[0].text.strip())

embedding = openai.Embedding.create(engine="text-embedding-ada-002", input="Red pandas eat bamboo.")
print(len(embedding["data"][0]["embedding"]))

with open("speech-sample.wav", "rb") as audio:
    transcript = openai.Audio.transcribe(model="whisper", deployment_id="whisper", file=audio)
print(transcript["text"])
"""

    /// File name → script.
    static let all: [String: String] = [
        "transcribe.py": transcribe, "speak.py": speak, "images.py": images, "embed.py": embed, "assistants.py": assistants,
        "stream.py": stream,
    ]
}
