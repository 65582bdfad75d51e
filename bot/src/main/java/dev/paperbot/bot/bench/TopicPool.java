package dev.paperbot.bot.bench;

import java.util.List;

/**
 * Research topics as channels type them, most popular first: the areas synthetic papers are about and the topics
 * benchmark channels follow.
 */
final class TopicPool {

    static final List<String> KEYWORDS = List.of(
            "large language models", "llm agents", "diffusion models", "reinforcement learning", "quantization",
            "retrieval augmented generation", "vision transformers", "graph neural networks", "instruction tuning",
            "multimodal models", "speculative decoding", "mixture of experts", "in-context learning",
            "chain of thought reasoning", "preference optimization", "rlhf", "code generation", "text to image",
            "video generation", "federated learning", "differential privacy", "adversarial robustness",
            "out of distribution detection", "continual learning", "self-supervised learning", "contrastive learning",
            "knowledge distillation", "model compression", "pruning", "low-rank adaptation", "parameter efficient fine-tuning",
            "long context", "state space models", "attention mechanisms", "tokenization", "machine translation",
            "speech recognition", "text to speech", "question answering", "summarization", "information retrieval",
            "dense retrieval", "recommender systems", "learning to rank", "embodied agents", "robot manipulation",
            "autonomous driving", "motion planning", "3d reconstruction", "neural radiance fields", "gaussian splatting",
            "object detection", "semantic segmentation", "image classification", "medical imaging", "protein structure",
            "drug discovery", "molecular generation", "weather forecasting", "time series forecasting",
            "anomaly detection", "causal inference", "bayesian optimization", "uncertainty quantification",
            "conformal prediction", "active learning", "few-shot learning", "meta-learning", "domain adaptation",
            "transfer learning", "neural architecture search", "hyperparameter optimization", "optimization theory",
            "stochastic gradient descent", "learning rate schedules", "scaling laws", "emergent abilities",
            "mechanistic interpretability", "explainability", "fairness", "ai safety", "alignment", "red teaming",
            "jailbreak attacks", "hallucination", "factuality", "evaluation benchmarks", "synthetic data",
            "data curation", "dataset distillation", "curriculum learning", "world models", "model-based reinforcement learning",
            "offline reinforcement learning", "multi-agent systems", "game theory", "mechanism design",
            "tool use", "planning with language models", "theorem proving", "mathematical reasoning",
            "program synthesis", "software engineering", "compilers", "gpu kernels", "distributed training",
            "inference serving", "kv cache", "memory efficient training", "mixed precision", "sparse attention",
            "linear attention", "recurrent neural networks", "convolutional networks", "generative adversarial networks",
            "variational autoencoders", "normalizing flows", "energy-based models", "score matching", "flow matching",
            "optimal transport", "kernel methods", "gaussian processes", "online learning", "bandits",
            "sample complexity", "generalization bounds", "double descent", "neural tangent kernel", "grokking",
            "representation learning", "disentanglement", "clustering", "dimensionality reduction", "topic models",
            "sentiment analysis", "named entity recognition", "dialogue systems", "conversational agents",
            "multilingual models", "low-resource languages", "code-switching", "document understanding", "ocr",
            "table understanding", "knowledge graphs", "semantic parsing", "text classification", "hate speech detection",
            "misinformation", "social media analysis", "computational social science", "education", "healthcare",
            "clinical notes", "electronic health records", "genomics", "single-cell", "neuroscience", "brain computer interfaces",
            "climate", "energy systems", "power grids", "finance", "algorithmic trading", "economics", "legal documents",
            "privacy attacks", "membership inference", "watermarking", "model stealing", "backdoor attacks",
            "poisoning attacks", "secure aggregation", "homomorphic encryption", "blockchain", "edge devices",
            "on-device learning", "tinyml", "neuromorphic computing", "quantum machine learning", "physics-informed neural networks",
            "partial differential equations", "scientific machine learning", "simulation", "robot learning from demonstration",
            "imitation learning", "inverse reinforcement learning", "reward modeling", "human feedback", "crowdsourcing",
            "annotation", "label noise", "weak supervision", "semi-supervised learning", "zero-shot learning",
            "prompt engineering", "prompt injection", "retrieval evaluation", "search engines", "query understanding",
            "click models", "ads ranking", "e-commerce", "music generation", "audio understanding", "video understanding",
            "action recognition", "pose estimation", "tracking", "depth estimation", "image restoration", "super-resolution",
            "image editing", "style transfer", "remote sensing", "satellite imagery", "agriculture", "sports analytics");

    private TopicPool() {
    }
}
