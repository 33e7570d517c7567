"""A weather assistant written on OpenAI's Responses API, run on any provider by llmswitch."""
