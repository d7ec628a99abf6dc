package kz.gfc.rating.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** R18: the applicant's rating of one visit. */
@Entity
@Table(name = "rating")
public class Rating extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "visit_id", nullable = false, unique = true)
    public String visitId;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "service_code")
    public String serviceCode;
    @Column(name = "operator_id")
    public String operatorId;
    @Column(nullable = false)
    public short score;
    public String comment;
    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;
}
