"""A retrieval script: embed documents, answer with JSON mode. Still partly on openai<1.0.

Scanned by `llmswitch plan examples/rag_script`; not run by the test suite.
"""

import math
import os
import sys

import openai
from openai import AsyncOpenAI

openai.api_key = os.getenv("OPENAI_API_KEY")
EMBEDDING_MODEL = "text-embedding-3-small"
CHAT_MODEL = "gpt-4o-mini"

client = openai.OpenAI(base_url=os.environ.get("OPENAI_BASE_URL"))


def embed(texts):
    response = client.embeddings.create(model=EMBEDDING_MODEL, input=texts)
    return [item.embedding for item in response.data]


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


def ask(question, documents):
    vectors = embed(documents)
    query = embed([question])[0]
    best = max(range(len(documents)), key=lambda i: cosine(query, vectors[i]))
    response = client.chat.completions.create(
        model=CHAT_MODEL,
        messages=[
            {"role": "system", "content": 'Answer in JSON: {"answer": str, "quote": str}.'},
            {"role": "user", "content": f"Context: {documents[best]}\n\nQuestion: {question}"},
        ],
        response_format={"type": "json_object"},
        seed=42,
        temperature=0,
    )
    return response.choices[0].message.content


def legacy_summary(text):
    # older code path, still on the v0 module API
    result = openai.ChatCompletion.create(
        model="gpt-3.5-turbo", messages=[{"role": "user", "content": f"Summarise: {text}"}]
    )
    return result["choices"][0]["message"]["content"]


async def ask_async(question):
    aclient = AsyncOpenAI()
    response = await aclient.chat.completions.create(
        model=CHAT_MODEL, messages=[{"role": "user", "content": question}]
    )
    return response.choices[0].message.content


if __name__ == "__main__":
    print(ask(sys.argv[1], ["Llamas are camelids.", "Python is a language."]))
