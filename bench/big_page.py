"""Writes a large generated quickstart of our own: SECTIONS sections, each a sentence and a Python
fence that calls chat.completions.create (about 540 bytes of code). 92,500 sections make a 50 MB
page: the informational `big_page_*` figures of make bench (usage: big_page.py FILE SECTIONS)."""
import sys

path, sections = sys.argv[1], int(sys.argv[2])
with open(path, "w") as out:
    out.write("---\ntitle: Generated page\nms.topic: quickstart\n---\n\n# Generated page\n\n")
    for i in range(sections):
        out.write(f"## Section {i}\n\nCreate a file named `speak{i}.py` and paste this code into it. "
                  "The sample sends one request and prints the reply.\n\n")
        out.write("```python\nimport os\nfrom openai import AzureOpenAI\n\nclient = AzureOpenAI(\n"
                  "    azure_endpoint=os.environ[\"AZURE_OPENAI_ENDPOINT\"],\n"
                  "    api_key=os.environ[\"AZURE_OPENAI_API_KEY\"],\n    api_version=\"2025-01-01-preview\",\n)\n")
        out.write(f"completion = client.chat.completions.create(\n    model=\"gpt-4o\",\n"
                  f"    messages=[{{\"role\": \"user\", \"content\": \"Say hello number {i}.\"}}],\n)\n"
                  "print(completion.choices[0].message.content)\n```\n\n")
