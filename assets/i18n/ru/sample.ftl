# migreview: sample texts (ru).
