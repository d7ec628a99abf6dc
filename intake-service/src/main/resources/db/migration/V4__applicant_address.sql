-- R7: the applicant's registered address, protected data of the population register, read
-- only once the applicant's consent lets the provider have it (at forwarding).
ALTER TABLE application ADD COLUMN applicant_address VARCHAR(300);
