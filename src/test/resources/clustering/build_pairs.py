"""Builds pairs.tsv: labelled 'same story?' pairs for the clustering evaluation.

Sources of pairs (column note says which):
  real-dup      two real items of the corpus that are the same story
  rewrite       a real corpus item (side a, verbatim) and how another outlet would headline and open the same story
                (side b, hand-written)
  real-diff     two real items of the same feed/company that are different stories (sampled deterministically
                among pairs that share a name, so they are not trivially different)
  hard-same / hard-diff  hand-written hard cases (rewritten headlines, same company different news, follow-ups)
Run: python3 build_pairs.py > pairs.tsv
"""
import random, sys
from corpus_items import items

ITEMS = items()
BY_TITLE = {}
for f, t, s in ITEMS:
    BY_TITLE.setdefault(t, (f, t, s))

def real(prefix):
    for t, v in BY_TITLE.items():
        if t.startswith(prefix):
            return v
    raise SystemExit('no corpus item starts with: ' + prefix)

REWRITES = [
 ("Web Guide: An experimental", "Google tests Web Guide, an AI-organized results page for Search", "Google is experimenting with Web Guide in Search Labs, using Gemini to group search results into themes."),
 ("Try on styles with AI", "Google Shopping adds AI virtual try-on and smarter price alerts", "Google is rolling out its virtual try on feature for apparel and updated price alerts in Google Shopping."),
 ("Transform your photos into videos", "Google Photos can now turn your pictures into short videos", "A new photo-to-video tool and a Remix feature arrive in Google Photos, powered by Veo."),
 ("Startups can apply now for the Google for Startups Gemini Founders Forum", "Google opens applications for its Gemini Founders Forum for startups", "Google for Startups is accepting applications from founders building with Gemini for a two-day forum."),
 ("More advanced AI capabilities are coming to Search", "Google brings Gemini 2.5 Pro and Deep Search to AI Mode", "Google Search is getting more advanced AI capabilities: Gemini 2.5 Pro and Deep Search in AI Mode for subscribers."),
 ("A summer of security", "Google details AI tools to help cyber defenders this summer", "Google announced new AI security efforts, including Big Sleep finding vulnerabilities, to empower cyber defenders."),
 ("Try featured notebooks", "NotebookLM launches featured notebooks from publishers and experts", "NotebookLM now offers featured notebooks on selected topics, curated with partners like The Economist and The Atlantic."),
 ("Dive deeper with AI Mode", "Circle to Search gets AI Mode and mobile gaming help", "Google adds AI Mode to Circle to Search so Android users can dive deeper, plus help with mobile games."),
 ("New AI tools for mental health research", "Google releases AI tools to support mental health research and treatment", "Google announced new AI tools, including a field guide and research funding, for mental health research and treatment."),
 ("Expanded access to Google Vids", "Google Classroom gets free Gemini AI tools and Google Vids for all teachers", "Google is expanding access to Google Vids and launching no-cost AI tools in Classroom for educators."),
 ("The Google for Startups Gemini kit is here", "Google launches a Gemini kit for startups", "Google for Startups released the Gemini kit, with credits and resources to help startups build with Gemini."),
 ("Gemini CLI: your open-source AI agent", "Google launches Gemini CLI, an open source AI agent for the terminal", "Google released Gemini CLI, a free open-source AI agent that brings Gemini into developers' terminals."),
 ("Aeneas transforms how historians", "DeepMind's Aeneas AI helps historians interpret ancient Latin inscriptions", "Google DeepMind unveiled Aeneas, an AI model that helps historians restore and contextualize Roman inscriptions."),
 ("Gemini 2.5 Flash-Lite is now ready", "Gemini 2.5 Flash-Lite hits general availability", "Google says Gemini 2.5 Flash-Lite, its fastest and cheapest 2.5 model, is now stable and ready for scaled production use."),
 ("Advanced version of Gemini with Deep Think officially", "Google's Gemini Deep Think wins gold at the International Math Olympiad", "An advanced Gemini model with Deep Think achieved a gold-medal score at the International Mathematical Olympiad, DeepMind said."),
 ("Exploring the context of online images with Backstory", "DeepMind's Backstory tool explains where online images came from", "Google DeepMind introduced Backstory, an experimental AI agent that explores the context of online images."),
 ("AlphaGenome: AI for better", "DeepMind unveils AlphaGenome to predict how DNA mutations affect genes", "Google DeepMind released AlphaGenome, an AI model for better understanding the genome and the effects of variants."),
 ("Gemini Robotics On-Device", "Google's Gemini Robotics On-Device runs locally on robots without internet", "DeepMind's new Gemini Robotics On-Device model brings AI to local robotic devices, no network needed."),
 ("SynthID Detector", "Google launches SynthID Detector portal to spot AI-generated content", "Google DeepMind announced SynthID Detector, a portal to help identify content made with Google's AI tools."),
 ("Announcing Gemma 3n preview", "Google previews Gemma 3n, a mobile-first open model", "Gemma 3n preview is a powerful, efficient open model built to run on phones and laptops, Google said."),
 ("AlphaEvolve: A Gemini-powered coding agent", "DeepMind's AlphaEvolve uses Gemini to discover new algorithms", "AlphaEvolve, a coding agent powered by Gemini, designs advanced algorithms and improved data center scheduling, DeepMind says."),
 ("Introducing Gemini 2.5 Flash", "Google rolls out Gemini 2.5 Flash, its first hybrid reasoning model", "Gemini 2.5 Flash is now in preview, letting developers turn thinking on or off, Google announced."),
 ("DolphinGemma", "Google built an AI model to talk to dolphins", "DolphinGemma, a model from Google AI, is helping researchers decode dolphin communication."),
 ("Gemini Robotics brings AI into the physical world", "DeepMind launches Gemini Robotics models for the physical world", "Google DeepMind introduced Gemini Robotics and Gemini Robotics-ER, models built on Gemini 2.0 to control robots."),
 ("Introducing Gemma 3", "Google releases Gemma 3, its new family of open models", "Gemma 3 comes in sizes from 1B to 27B parameters and runs on a single GPU, Google said."),
 ("Gemini 2.0 is now available to everyone", "Google makes Gemini 2.0 generally available and adds Flash-Lite and Pro", "Gemini 2.0 Flash is now available to everyone, with 2.0 Pro experimental and the new 2.0 Flash-Lite."),
 ("Genie 2: A large-scale foundation world model", "DeepMind's Genie 2 generates playable 3D worlds from one image", "Google DeepMind unveiled Genie 2, a large-scale foundation world model that creates interactive environments."),
 ("AlphaQubit tackles", "DeepMind's AlphaQubit improves error correction for quantum computers", "AlphaQubit, an AI decoder from Google DeepMind and Quantum AI, identifies errors inside quantum computers."),
 ("Microsoft Azure AI Foundry Models and Microsoft Security Copilot achieve ISO", "Azure AI Foundry and Security Copilot earn ISO/IEC 42001 AI certification", "Microsoft said Azure AI Foundry Models and Microsoft Security Copilot achieved ISO/IEC 42001:2023 certification for AI management."),
 ("Reasoning reimagined: Introducing Phi-4-mini-flash-reasoning", "Microsoft releases Phi-4-mini-flash-reasoning, a faster small reasoning model", "Microsoft's new Phi-4-mini-flash-reasoning model delivers up to 10x higher throughput for math reasoning on edge devices."),
 ("Introducing Deep Research in Azure AI Foundry", "Microsoft brings OpenAI-powered Deep Research to Azure AI Foundry Agent Service", "Deep Research is now in public preview in Azure AI Foundry Agent Service, using OpenAI's o3-deep-research model."),
 ("Premier League and Microsoft join forces", "Microsoft and the Premier League sign five-year deal for Copilot-powered fan platforms", "The Premier League and Microsoft announced a partnership to build AI-powered digital platforms for fans."),
 ("Resolving digital threats 100x faster", "Outtake uses OpenAI o3 agents to resolve digital threats 100x faster", "Security startup Outtake says its AI agents built on GPT-4.1 and o3 detect and take down digital threats 100x faster."),
 ("Announcing OpenAI DevDay 2025", "OpenAI sets DevDay 2025 for October 6 in San Francisco", "OpenAI's developer conference DevDay returns October 6, 2025 in San Francisco with 1,500+ developers."),
 ("Pioneering an AI clinical copilot with Penda Health", "OpenAI and Penda Health study finds AI copilot cut clinician errors", "A study with Penda Health in Kenya found an AI clinical copilot built on OpenAI models reduced diagnostic and treatment errors."),
 ("Stargate advances with 4.5 GW", "OpenAI and Oracle agree to 4.5 gigawatts of Stargate capacity", "OpenAI is partnering with Oracle to develop 4.5 GW of additional Stargate data center capacity in the US."),
 ("OpenAI and UK Government announce strategic partnership", "UK signs strategic AI partnership with OpenAI", "The UK government and OpenAI signed a memorandum of understanding to deliver AI-driven growth in public services."),
 ("A $50 million fund to build with communities", "OpenAI launches $50M fund for nonprofits and community organizations", "OpenAI announced a $50 million fund to support nonprofit and community organizations, following its nonprofit commission report."),
 ("Introducing ChatGPT agent", "OpenAI launches ChatGPT agent that can use its own computer", "ChatGPT agent combines Operator and deep research so ChatGPT can complete tasks on a virtual computer, OpenAI said."),
 ("The EU Code of Practice and future of AI in Europe", "OpenAI says it will sign the EU's AI Code of Practice", "OpenAI intends to sign the EU Code of Practice for general-purpose AI and outlined plans for AI in Europe."),
 ("Working with 400,000 teachers", "OpenAI joins AFT to train 400,000 teachers on AI", "OpenAI is partnering with the American Federation of Teachers on a National Academy for AI Instruction for 400,000 teachers."),
 ("Introducing OpenAI for Government", "OpenAI launches OpenAI for Government, wins $200M Pentagon contract", "OpenAI for Government brings ChatGPT Gov and other tools to US agencies; its first partnership is with the Defense Department."),
 ("Bringing the magic of AI to Mattel", "Mattel teams up with OpenAI to bring AI to Barbie and Hot Wheels", "Mattel and OpenAI announced a collaboration to use AI in Mattel's iconic brands such as Barbie."),
 ("How we’re responding to The New York Times", "OpenAI pushes back on New York Times demand to keep ChatGPT logs", "OpenAI says the New York Times' data demands in its lawsuit would force it to retain user chats, and it is appealing to protect user privacy."),
 ("Introducing Stargate UAE", "OpenAI announces Stargate UAE, a 1GW data center in Abu Dhabi", "Stargate UAE, OpenAI's first OpenAI for Countries partnership, will build a 1 GW compute cluster in Abu Dhabi with G42."),
 ("Introducing Codex", "OpenAI launches Codex, a cloud software engineering agent", "Codex, a cloud-based coding agent powered by codex-1, can work on many tasks in parallel, OpenAI said."),
 ("Claude for Creative Work", "Anthropic pitches Claude for creative professionals", "Anthropic is positioning Claude for creative work with new tools for writers, designers and artists."),
 ("Anthropic names Theo Hourmouzis", "Anthropic opens Sydney office, hires Theo Hourmouzis to lead ANZ", "Anthropic officially opened its Sydney office and named Theo Hourmouzis general manager for Australia and New Zealand."),
 ("Anthropic and NEC collaborate", "NEC and Anthropic team up to train AI engineers in Japan", "NEC will work with Anthropic to build Japan's largest AI engineering workforce using Claude."),
 ("Anthropic and Amazon expand collaboration", "Amazon to give Anthropic up to 5GW of new compute", "Anthropic and Amazon expanded their collaboration to up to 5 gigawatts of new compute capacity for Claude."),
 ("Introducing Claude Design", "Anthropic Labs launches Claude Design", "Claude Design, the first product from Anthropic Labs, lets users create designs and prototypes with Claude."),
 ("Introducing Claude Opus 4.7", "Anthropic releases Claude Opus 4.7", "Claude Opus 4.7 is Anthropic's newest frontier model, with gains in coding and agentic tasks."),
 ("Anthropic’s Long-Term Benefit Trust appoints Vas Narasimhan", "Novartis CEO Vas Narasimhan joins Anthropic's board", "Anthropic's Long-Term Benefit Trust appointed Vas Narasimhan to the company's board of directors."),
 ("Anthropic expands partnership with Google and Broadcom", "Anthropic strikes multi-gigawatt compute deal with Google and Broadcom", "Anthropic will get multiple gigawatts of next-generation TPU capacity from Google and Broadcom."),
 ("Australian government and Anthropic sign MOU", "Australia and Anthropic agree MOU on AI safety research", "The Australian government signed a memorandum of understanding with Anthropic on AI safety and research."),
 ("Ghostty is leaving GitHub", "Mitchell Hashimoto moves Ghostty terminal off GitHub", "The Ghostty terminal project is leaving GitHub for another forge, its creator said."),
 ("Zed 1.0", "Zed code editor reaches version 1.0", "The Rust-based Zed editor hit 1.0 after years of development."),
 ("Mistral Medium 3.5", "Mistral releases Medium 3.5 model", "Mistral AI launched Mistral Medium 3.5, its new mid-size model."),
 ("Warp is now open-source", "Warp terminal open-sources its code", "The AI terminal Warp is now open source, the company announced."),
 ("OpenAI models coming to Amazon Bedrock", "AWS will offer OpenAI models on Bedrock, CEOs say", "OpenAI models are coming to Amazon Bedrock, OpenAI and AWS CEOs said in an interview."),
 ("Google and Pentagon reportedly agree", "Google reportedly lets Pentagon use its AI for 'any lawful' purpose", "Google and the Pentagon agreed on a deal allowing any lawful use of Google's AI, according to a report."),
 ("Craig Venter has died", "Genome pioneer J. Craig Venter dies", "Craig Venter, who led the private effort to sequence the human genome, has died."),
 ("Claude.ai unavailable", "Anthropic's Claude suffers outage with API errors", "Claude.ai was unavailable and the API returned elevated errors, Anthropic's status page said."),
 ("Anthropic Joins the Blender", "Anthropic becomes Blender Development Fund corporate patron", "Anthropic joined the Blender Development Fund as a corporate patron to support the open-source 3D software."),
 ("HashiCorp co-founder says GitHub", "Mitchell Hashimoto: GitHub is 'no longer a place for serious work'", "The HashiCorp co-founder criticized GitHub's reliability and direction, saying it is no longer a place for serious work."),
 ("Maryland becomes first state", "Maryland bans surveillance pricing at grocery stores, a first in the US", "Maryland became the first state to ban surveillance pricing, the practice of setting grocery prices from personal data."),
]

HARD_SAME = [
 ("Nvidia's Huang warns on DeepSeek's Huawei shift", "Nvidia CEO Jensen Huang said a move by DeepSeek to Huawei's Ascend chips would be bad for America.",
  "Jensen Huang: DeepSeek moving to Huawei chips is 'horrible' for US", "The Nvidia chief said it would be horrible for the United States if DeepSeek trained its models on Huawei hardware.", "hard-same entity overlap carries it"),
 ("OpenAI launches GPT-5", "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet.",
  "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT", "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said.", "hard-same rewritten headline"),
 ("OpenAI raises $40B at $300B valuation", "OpenAI closed a $40 billion funding round led by SoftBank, valuing it at $300 billion.",
  "SoftBank leads $40 billion round in OpenAI", "The round values OpenAI at $300B, the largest private tech financing on record.", "hard-same numbers normalised"),
 ("Meta hires Apple's top AI models executive Ruoming Pang", "Meta poached Ruoming Pang, who led Apple's foundation models team, for its superintelligence lab.",
  "Apple loses head of foundation models Ruoming Pang to Meta", "Ruoming Pang is leaving Apple for Meta Superintelligence Labs, in a pay package said to be worth over $200 million.", "hard-same same event different outlets"),
 ("EU AI Act obligations for general-purpose models take effect", "From August 2, providers of general-purpose AI models in the EU must meet transparency and copyright rules under the AI Act.",
  "Europe's AI Act rules for GPAI providers kick in on August 2", "General-purpose AI providers now face EU obligations on documentation and copyright under the AI Act.", "hard-same policy"),
 ("Anthropic raises $13B Series F at $183B valuation", "Anthropic raised $13 billion led by ICONIQ, valuing the Claude maker at $183 billion.",
  "Claude maker Anthropic is now worth $183 billion after $13B round", "ICONIQ led the Series F for Anthropic, which tripled its valuation since March.", "hard-same funding"),
 ("xAI releases Grok 4", "Elon Musk's xAI launched Grok 4 and a $300-a-month SuperGrok Heavy plan.",
  "Musk unveils Grok 4 with $300 per month subscription", "xAI's Grok 4 arrives with benchmark claims and a SuperGrok Heavy tier.", "hard-same"),
 ("Microsoft lays off 9,000 employees", "Microsoft is cutting about 9,000 jobs, its second large layoff this year, amid heavy AI spending.",
  "Microsoft to cut 9,000 jobs as it pours money into AI", "The layoffs affect less than 4% of Microsoft's workforce across teams including Xbox.", "hard-same"),
 ("Google to pay $2.4B for Windsurf talent and license", "Google hired Windsurf CEO Varun Mohan and licensed the coding startup's technology for $2.4 billion after OpenAI's deal collapsed.",
  "OpenAI's Windsurf deal is off; Google DeepMind hires CEO Varun Mohan", "Windsurf's CEO and key staff join Google DeepMind in a $2.4B arrangement.", "hard-same follow-on framing of one event"),
 ("Cognition acquires Windsurf", "Cognition, maker of the Devin coding agent, agreed to buy what remains of Windsurf.",
  "Devin maker Cognition buys Windsurf after Google deal", "Cognition will acquire Windsurf's IP, product and remaining team.", "hard-same"),
 ("DeepSeek releases R1 reasoning model under MIT license", "Chinese lab DeepSeek released R1, an open reasoning model it says rivals OpenAI o1.",
  "China's DeepSeek R1 matches OpenAI o1 at a fraction of the cost", "DeepSeek's open-weights R1 model is MIT-licensed and rivals o1 on math and code.", "hard-same"),
 ("Nvidia becomes first company worth $4 trillion", "Nvidia's market value topped $4 trillion for the first time on Wednesday.",
  "Nvidia hits $4T market cap, a first for any company", "Shares of Nvidia rose to give the chipmaker a $4 trillion valuation.", "hard-same numbers"),
 ("Apple sued by shareholders over Siri AI delays", "Apple shareholders filed a lawsuit alleging the company misled investors about Apple Intelligence and Siri.",
  "Shareholders sue Apple over delayed Siri AI features", "The suit says Apple overstated progress on Apple Intelligence upgrades to Siri.", "hard-same"),
 ("Perplexity launches Comet AI browser", "Perplexity released Comet, a web browser with a built-in AI agent, to Max subscribers.",
  "Comet, Perplexity's agentic browser, is now available", "Perplexity Max users can try Comet, which lets an AI assistant browse and act for them.", "hard-same"),
 ("Amazon invests another $4 billion in Anthropic", "Amazon is investing an additional $4 billion in Anthropic, bringing its total to $8 billion.",
  "Anthropic gets $4B more from Amazon, names AWS primary training partner", "Amazon's total investment in Anthropic rises to $8B as AWS becomes its main training partner.", "hard-same"),
 ("Mistral releases Devstral coding model", "Mistral AI and All Hands AI released Devstral, an open model for software engineering agents.",
  "Devstral: Mistral's new open-source model for coding agents", "The Apache 2.0 licensed Devstral tops SWE-Bench Verified among open models, Mistral says.", "hard-same"),
 ("Huawei unveils CloudMatrix 384 to rival Nvidia", "Huawei showed CloudMatrix 384, a system of 384 Ascend 910C chips it says beats Nvidia's GB200 NVL72.",
  "Huawei's CloudMatrix 384 supernode takes aim at Nvidia GB200", "The Ascend-based CloudMatrix 384 system is China's answer to Nvidia's rack-scale AI servers.", "hard-same"),
 ("UAE to leave OPEC", "", "UAE Leaves OPEC", "", "real-dup two HN submissions of one event"),
]

HARD_DIFF = [
 ("OpenAI launches GPT-5", "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet.",
  "OpenAI raises $40B", "OpenAI closed a funding round led by SoftBank at a $300 billion valuation.", "hard-diff same company different news"),
 ("OpenAI launches GPT-5", "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet.",
  "OpenAI releases gpt-oss open-weight models", "OpenAI released gpt-oss-120b and gpt-oss-20b, its first open-weight language models since GPT-2.", "hard-diff same company same week"),
 ("GPT-5 pricing for developers announced", "OpenAI set API prices for GPT-5, GPT-5 mini and GPT-5 nano.",
  "OpenAI launches GPT-5", "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet.", "hard-diff follow-up story"),
 ("Users complain GPT-5 is worse than GPT-4o", "After the GPT-5 launch, users protested the removal of GPT-4o from ChatGPT.",
  "OpenAI brings back GPT-4o after GPT-5 backlash", "Sam Altman said paid users can choose GPT-4o again following complaints.", "hard-diff follow-up vs follow-up"),
 ("Nvidia's Huang warns on DeepSeek's Huawei shift", "Nvidia CEO Jensen Huang said a move by DeepSeek to Huawei's Ascend chips would be bad for America.",
  "Nvidia resumes H20 sales to China", "Nvidia said the US government will grant licenses to sell H20 chips to China.", "hard-diff same company"),
 ("Nvidia becomes first company worth $4 trillion", "Nvidia's market value topped $4 trillion for the first time.",
  "Microsoft tops $4 trillion market value", "Microsoft became the second company to pass a $4 trillion valuation after strong Azure growth.", "hard-diff same number different company"),
 ("Anthropic raises $13B Series F at $183B valuation", "Anthropic raised $13 billion led by ICONIQ.",
  "Anthropic releases Claude Opus 4.1", "Anthropic's Claude Opus 4.1 improves agentic coding over Opus 4.", "hard-diff same company"),
 ("Anthropic releases Claude Opus 4.1", "Anthropic's Claude Opus 4.1 improves agentic coding over Opus 4.",
  "Anthropic releases Claude Sonnet 4.5", "Claude Sonnet 4.5 is Anthropic's best coding model, the company says.", "hard-diff same company model family"),
 ("Google releases Gemini 2.5 Pro", "Google's Gemini 2.5 Pro is its most intelligent model.",
  "Google releases Gemini 2.5 Flash", "Gemini 2.5 Flash is a fast hybrid reasoning model from Google.", "hard-diff sibling models"),
 ("DeepSeek releases R1 reasoning model", "Chinese lab DeepSeek released R1, an open reasoning model.",
  "DeepSeek delays R2 over Huawei chip troubles", "DeepSeek's next model R2 was delayed after training problems on Huawei Ascend chips.", "hard-diff same company later news"),
 ("Meta hires Apple's Ruoming Pang", "Meta poached Ruoming Pang, who led Apple's foundation models team.",
  "Meta hires Scale AI CEO Alexandr Wang in $14B deal", "Meta invested $14.3 billion in Scale AI and hired its CEO Alexandr Wang.", "hard-diff same company hiring"),
 ("Microsoft lays off 9,000 employees", "Microsoft is cutting about 9,000 jobs.",
  "Microsoft launches Copilot Mode in Edge", "Microsoft Edge gets an experimental Copilot Mode that browses with you.", "hard-diff same company"),
 ("xAI releases Grok 4", "Elon Musk's xAI launched Grok 4.",
  "Grok posts antisemitic content, xAI apologizes", "xAI apologized after its Grok chatbot posted antisemitic replies on X.", "hard-diff same product"),
 ("Perplexity launches Comet AI browser", "Perplexity released Comet, a web browser with a built-in AI agent.",
  "Perplexity makes $34.5B bid for Google Chrome", "Perplexity offered $34.5 billion to buy Chrome from Google.", "hard-diff same company browsers"),
 ("EU AI Act obligations for general-purpose models take effect", "Providers of general-purpose AI models in the EU must meet new rules.",
  "Meta refuses to sign EU AI code of practice", "Meta said it will not sign the EU's voluntary code of practice for general-purpose AI.", "hard-diff same policy area"),
 ("Apple sued by shareholders over Siri AI delays", "Apple shareholders filed a lawsuit about Apple Intelligence and Siri.",
  "Apple considers buying Perplexity or Mistral", "Apple executives discussed acquiring Perplexity or Mistral to boost its AI efforts.", "hard-diff same company"),
 ("Amazon invests another $4 billion in Anthropic", "Amazon is investing an additional $4 billion in Anthropic.",
  "Google invests $2 billion in Anthropic", "Google agreed to invest up to $2 billion in Anthropic.", "hard-diff same pattern different investor"),
 ("Huawei unveils CloudMatrix 384 to rival Nvidia", "Huawei showed CloudMatrix 384, a system of Ascend chips.",
  "US warns using Huawei Ascend chips anywhere violates export controls", "The Commerce Department said using Huawei's Ascend AI chips risks breaching US export rules.", "hard-diff same company topic"),
 ("OpenAI and Oracle agree 4.5 GW Stargate expansion", "OpenAI will develop 4.5 gigawatts of Stargate capacity with Oracle.",
  "Introducing Stargate UAE", "OpenAI's Stargate UAE will build a 1 GW cluster in Abu Dhabi.", "hard-diff same programme"),
 ("Mistral releases Devstral coding model", "Mistral AI released Devstral, an open model for coding agents.",
  "Mistral releases Magistral reasoning model", "Magistral is Mistral's first reasoning model, in open and enterprise versions.", "hard-diff same company"),
 ("Cognition acquires Windsurf", "Cognition agreed to buy what remains of Windsurf.",
  "Cognition raises $400M at $10.2B valuation", "Devin maker Cognition raised $400 million weeks after buying Windsurf.", "hard-diff follow-up"),
 ("Google to pay $2.4B for Windsurf talent", "Google hired Windsurf CEO Varun Mohan and licensed its technology for $2.4 billion.",
  "OpenAI agrees to buy Windsurf for $3B", "OpenAI agreed to acquire the AI coding startup Windsurf for about $3 billion.", "hard-diff earlier story in a saga"),
 ("ChatGPT hits 700 million weekly users", "ChatGPT is on track to reach 700 million weekly active users, OpenAI said.",
  "ChatGPT agent rolls out to Plus users", "ChatGPT agent is now available to Plus, Pro and Team users.", "hard-diff same product"),
 ("Nvidia H20 exports to China require 15% revenue share", "Nvidia and AMD agreed to pay the US government 15% of China chip revenue.",
  "Nvidia resumes H20 sales to China", "Nvidia said the US government will grant licenses to sell H20 chips to China.", "hard-diff follow-up same chip"),
]

def real_diffs(n, rng):
    """Different stories from one feed that share a capitalised name (not trivially different)."""
    import re
    by_feed = {}
    for f, t, s in ITEMS:
        by_feed.setdefault(f, []).append((t, s))
    pairs = []
    for f, lst in sorted(by_feed.items()):
        seen = set()
        uniq = [x for x in lst if not (x[0] in seen or seen.add(x[0]))][:120]
        cands = []
        for i in range(len(uniq)):
            for j in range(i + 1, len(uniq)):
                a, b = uniq[i][0], uniq[j][0]
                na = set(w for w in re.findall(r"[A-Z][\w.-]+", a) if len(w) > 2)
                nb = set(w for w in re.findall(r"[A-Z][\w.-]+", b) if len(w) > 2)
                if na & nb and a.lower() != b.lower():
                    cands.append((f, uniq[i], uniq[j]))
        rng.shuffle(cands)
        pairs += cands[: max(6, n * len(uniq) // len(ITEMS) + 4)]
    rng.shuffle(pairs)
    return pairs[:n]

def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')

rows = []
for prefix, tb, sb in REWRITES:
    f, ta, sa = real(prefix)
    rows.append((ta, sa, tb, sb, 'true', 'rewrite of ' + f))
for ta, sa, tb, sb, note in HARD_SAME:
    rows.append((ta, sa, tb, sb, 'true', note))
for ta, sa, tb, sb, note in HARD_DIFF:
    rows.append((ta, sa, tb, sb, 'false', note))
# Real different-story pairs. Known same-story pairs in the corpus (the HN duplicates above) are excluded.
SAME_REAL = {frozenset(("UAE to leave OPEC", "UAE Leaves OPEC"))}
for f, a, b in real_diffs(80, random.Random(9)):
    if frozenset((a[0], b[0])) in SAME_REAL: continue
    rows.append((a[0], a[1], b[0], b[1], 'false', 'real-diff ' + f))
print('title_a\tsummary_a\ttitle_b\tsummary_b\tsame\tnote')
for r in rows:
    print('\t'.join(esc(x) for x in r))
